"""Content: YAML files read with every position kept, checked field by field, turned into the model.

``loader`` reads YAML, ``spec`` declares every field once, ``fields`` reads typed fields,
``validate`` turns files into a ``Timeline`` and every problem found, ``added`` says when
each event was added (from git history).
"""
