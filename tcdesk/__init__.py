"""tcdesk: the treatment coordinator's desk for orthodontic consults."""

__version__ = "0.1.0"
