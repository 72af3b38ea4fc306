"""ralph's LRS API over its file-system backend, made to keep more than one write.

ralph 5.1's file-system LRS backend writes with the data backends' default operation,
*create*, which refuses an existing file: the first statement is stored, every later one
answers 500 ("Statement indexation failed"). Appending is what an LRS file needs; this is
the only change to ralph. Served by ``uvicorn tests.interop.ralph_app:app``.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402 - after the backend is fixed

__all__ = ["app"]
