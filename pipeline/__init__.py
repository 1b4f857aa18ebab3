"""Entertainment news → fact tables: who plays whom, who is in what, who made what, who said what, and when."""

__version__ = "0.1.0"
