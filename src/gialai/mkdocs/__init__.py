"""Everything that knows MkDocs, Material or static-i18n, and nothing else does.

``config`` reads ``extra.gialai`` and the i18n plugin's languages into plain settings;
``i18n`` is the site's one adaptation of static-i18n; ``files`` makes MkDocs files of the
page plan; ``adapter`` passes each MkDocs event to the package; ``build`` runs a MkDocs
build. The rest of the package works on plain data and could serve another engine.
"""
