"""``translations``: a content item's words in the site's other languages, checked like the fields
they translate."""

from __future__ import annotations

from ..model import NO_TRANSLATIONS, Translations
from .fields import Fields, kind_of, suggest
from .spec import translatable

__all__ = ["read_translations"]


def read_translations(f: Fields, languages: tuple[str, ...]) -> Translations:
    """The ``translations`` of the mapping ``f`` reads: {language: {field: text}}, every problem recorded."""
    raw = f.mapping.get("translations")
    if raw is None:
        return NO_TRANSLATIONS
    allowed = translatable(f.fields)
    names = ", ".join(spec.name for spec in allowed)
    if not isinstance(raw, dict):
        f.error("translations", f"must map language codes to fields, not {kind_of(raw)}; write e.g. "
                f"translations: {{id: {{{allowed[0].name}: …}}}}")  # fmt: skip
        return NO_TRANSLATIONS
    items: list[tuple[str, str, str]] = []
    published = ", ".join(languages) if languages else "none besides English"
    for language, value in raw.items():
        where = ("translations", language)
        if language == "en":
            f.error("translations", "'en' is the site's own language: write English in the fields themselves",
                    key=True, sub=(language,))  # fmt: skip
            continue
        if language not in languages:
            f.error(
                "translations",
                f"{language!r} is not a language this site publishes (it publishes: {published})"
                f"{suggest(language, languages) or '.'} A new language is added to the timeline plugin's languages in "
                "mkdocs.yml, with its words in generator/site/words/",
                key=True, sub=(language,),
            )  # fmt: skip
            continue
        if not isinstance(value, dict) or not value:
            f.error("translations", f"the {language!r} translation must be a mapping of fields ({names}), not "
                    f"{kind_of(value)}", sub=(language,))  # fmt: skip
            continue
        translated = Fields(f.entry, (*f.where, *where), value, allowed, f.problems, f"the {language!r} translation")
        for spec in allowed:
            text = translated.text(spec.name)
            if text is not None:
                items.append((language, spec.name, text))
    return Translations(tuple(items))
