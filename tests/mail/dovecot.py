"""A real IMAP server for the tests: Dovecot (Debian's dovecot-imapd) on 127.0.0.1.

Each test gets its own Dovecot with its own configuration, passwd-file, TLS certificate and
Maildir storage in a fresh folder, on free ports: implicit TLS and STARTTLS. Run as root (CI),
the mail processes run as ``nobody``; run as a user, everything runs as that user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

from imapclient import IMAPClient

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
START_TIMEOUT = 15.0


def available() -> str:
    """Why Dovecot cannot run here ("" when it can)."""
    if not Path(DOVECOT).exists():
        return "Dovecot is not installed (Debian: apt install dovecot-imapd)"
    if shutil.which("openssl") is None:
        return "openssl is needed to make the test server's certificate"
    return ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class DovecotServer:
    def __init__(self, special_use: bool = True) -> None:
        # Not under pytest's tmp_path: as root, the mail user (nobody) must reach the folder.
        self.root = Path(tempfile.mkdtemp(prefix="netdesk-dovecot-"))
        self.root.chmod(0o755)
        self.user = "alice"
        self.password = "imap-" + secrets.token_hex(8)
        self.tls_port = free_port()
        self.plain_port = free_port()
        self.cert = self.root / "cert.pem"
        self.log = self.root / "dovecot.log"
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", str(self.root / "key.pem"), "-out", str(self.cert),
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        if os.geteuid() == 0:
            uid, gid, login = 65534, 65534, "nobody"
            group = "nogroup"
        else:
            entry = pwd.getpwuid(os.geteuid())
            uid, gid, login = entry.pw_uid, entry.pw_gid, entry.pw_name
            group = ""
        self.set_password(self.password)
        home = self.root / "home"
        home.mkdir()
        if os.geteuid() == 0:
            os.chown(home, uid, gid)
        sent = "  mailbox Sent {\n    special_use = \\Sent\n    auto = subscribe\n  }\n"
        lines = [
            "protocols = imap",
            "listen = 127.0.0.1",
            f"base_dir = {self.root}/run",
            f"state_dir = {self.root}/state",
            f"log_path = {self.log}",
            f"info_log_path = {self.log}",
            f"default_internal_user = {login}",
            f"default_login_user = {login}",
            *([f"default_internal_group = {group}"] if group else []),
            "ssl = yes",
            f"ssl_cert = <{self.cert}",
            f"ssl_key = <{self.root / 'key.pem'}",
            "disable_plaintext_auth = yes",
            "auth_mechanisms = plain login",
            "passdb {",
            "  driver = passwd-file",
            f"  args = scheme=PLAIN username_format=%u {self.root / 'passwd'}",
            "}",
            "userdb {",
            "  driver = static",
            f"  args = uid={uid} gid={gid} home={home}/%u",
            "}",
            "mail_location = maildir:~/Maildir",
            "namespace inbox {",
            "  inbox = yes",
            "  separator = /",
            sent if special_use else "",
            "}",
            "service imap-login {",
            "  chroot =",
            "  inet_listener imap {",
            "    address = 127.0.0.1",
            f"    port = {self.plain_port}",
            "  }",
            "  inet_listener imaps {",
            "    address = 127.0.0.1",
            f"    port = {self.tls_port}",
            "    ssl = yes",
            "  }",
            "}",
            "service anvil {\n  chroot =\n}",
            "service stats {\n  chroot =\n}",
            "",
        ]
        self.config = self.root / "dovecot.conf"
        self.config.write_text("\n".join(lines), encoding="utf-8")
        for sub in ("run", "state"):
            (self.root / sub).mkdir()

    def set_password(self, password: str) -> None:
        self.password = password
        passwd = self.root / "passwd"
        before = passwd.stat().st_mtime if passwd.exists() else 0.0
        passwd.write_text(f"{self.user}:{{PLAIN}}{password}\n", encoding="utf-8")
        # Dovecot re-reads the file when its mtime moves; make sure it does within a second.
        stamp = max(time.time(), before + 2)
        os.utime(passwd, (stamp, stamp))
        if self.process is not None:
            self._wait_for_password(password)

    def _wait_for_password(self, password: str) -> None:
        """Dovecot looks at the file again about once a second: wait until it has."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with self.client():
                    return
            except Exception:
                time.sleep(0.2)
        raise RuntimeError("Dovecot did not take the new password")

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stop() ends every child
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.tls_port), timeout=0.5).close()
                return
            time.sleep(0.05)
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        self.stop()
        raise RuntimeError(f"Dovecot did not start within {START_TIMEOUT} s:\n{tail}")

    def stop(self) -> None:
        """Shut the server down (its IMAP sessions with it): a server going away mid-scan."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # master, logins and IMAP sessions
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        self.process = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def client(self) -> IMAPClient:
        """Another mail program: puts messages in place and checks flags."""
        context = ssl.create_default_context(cafile=str(self.cert))
        client = IMAPClient("127.0.0.1", port=self.tls_port, ssl=True, ssl_context=context)
        client.login(self.user, self.password)
        return client

    def append(self, folder: str, messages: list[bytes]) -> None:
        with contextlib.closing(_Session(self)) as session:
            if not session.client.folder_exists(folder):
                session.client.create_folder(folder)
            for raw in messages:
                session.client.append(folder, raw)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


class _Session:
    def __init__(self, server: DovecotServer) -> None:
        self.client = server.client()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.logout()
