"""xAPI: the learner's progress reported to a learning record store (LRS).

Off unless ``KINWISE_XAPI_ENDPOINT`` is set (see :mod:`courses.xapi.conf`). Storage sends
:data:`courses.completion.progress_stored`; :mod:`courses.xapi.emit` turns it into statements
(:mod:`courses.xapi.statements`), kept in :class:`~courses.xapi.models.OutgoingStatement` and
sent in the background by :func:`courses.xapi.tasks.send_statements`.
"""
