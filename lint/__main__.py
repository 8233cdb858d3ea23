"""``python -m lint`` runs the command."""
from .console import entry

entry()
