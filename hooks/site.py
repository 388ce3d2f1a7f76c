"""Site-wide files, written once after every language is built: images, sitemap."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from gialai import publish
from gialai.session import finished_language, session_for

log = logging.getLogger("mkdocs.plugins.gialai.site")


# After static-i18n's on_post_build (-100), which builds the other languages from inside
# the default language's build: at this point the whole site may be complete.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    session = session_for(config)
    lang = finished_language(config)
    publish.copy_images(session, config.site_dir)
    publish.write_feeds(session, lang, config.site_dir)
    publish.write_redirects(session, lang, config.site_dir)
    if publish.is_last_language(config, session):
        publish.finish_site(session, config.site_dir)
