"""Replaced by django-axes (accounts/throttling.py); only this name is left.

core.housekeeping's scheduled purge still imports it from here: it now purges what axes
keeps. New code calls werkwijzer.accounts.services.purge_old_login_attempts.
"""

from werkwijzer.accounts.services import purge_old_login_attempts as purge_old_attempts

__all__ = ["purge_old_attempts"]
