"""persnews: Persian news text to typed data, with offsets into your text."""

from persnews._version import __version__

__all__ = ["__version__"]
