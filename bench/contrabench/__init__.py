"""A labelled contradiction benchmark: real multi-outlet coverage with controlled injected cases."""
