"""The HTTP JSON API and the fact-checker's web page."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
