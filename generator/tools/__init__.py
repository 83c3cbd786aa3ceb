"""Authoring tools: ``timeline new``, ``import`` and ``draft``.

They write content files for people to review; they may use the core (dates, ids, the
content model), and the core never imports them.
"""
