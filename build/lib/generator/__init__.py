"""Timeline generator: YAML content → validated model → Markdown pages for MkDocs.

The data flows one way: ``content/*.yaml`` → :mod:`.loader` → :mod:`.validate` →
:mod:`.model` → :mod:`.render` → :mod:`.output` (the docs folder) → MkDocs.
:mod:`.cli` and :mod:`.plugin` are the two boundaries where problems become an exit
status or a build error.
"""

__version__ = "0.1.0"
