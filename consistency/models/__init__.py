"""The small learned models that ship inside the package (each retrained by a script under ``scripts/``)."""

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent


def model_path(name: str) -> Path:
    """The path of a shipped model file."""
    return MODELS_DIR / name
