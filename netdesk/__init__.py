"""netdesk: a desktop contact and follow-up manager for people who grow through referrals."""

__version__ = "0.1.0"
