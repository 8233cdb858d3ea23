"""``python -m lint`` runs the command."""
from .cli import entry

entry()
