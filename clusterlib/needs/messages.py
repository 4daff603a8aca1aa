"""The survey reader's messages in Turkish and English (keys ``needs.survey.*``).

:func:`clusterlib.data.msg` writes them in the language of the run (:func:`clusterlib.data.messages_in`).
"""

from __future__ import annotations

__all__: list[str] = []

