"""The one thing pyproject.toml cannot say: the top-level resources/ folder (icons,
translations) is installed inside the package as ``netdesk._resources`` (see
netdesk/system/assets.py).
Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["netdesk", "netdesk.*"]), "netdesk._resources"],
    package_dir={"netdesk._resources": "resources"},
)
