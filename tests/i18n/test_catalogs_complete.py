"""Every word of the game is in the templates, and every language has all of them, confirmed.

When this fails, the message lists file:line of each problem. New words in the code or a level:
`uv run sango catalogs extract` then `uv run sango catalogs update`; then translators fill in
the entries named here (docs/translating.md).
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog, Message

from game.i18n.checks import catalog_problems, message_problems, template_problems
from game.i18n.workflow import Project
from tests.i18n.conftest import SHIPPED_LOCALES


def _report(problems: list) -> str:
    shown = "\n".join(str(problem) for problem in problems[:40])
    more = f"\n... and {len(problems) - 40} more" if len(problems) > 40 else ""
    return f"{len(problems)} problem(s):\n{shown}{more}"


def test_every_source_string_is_in_the_templates(project: Project) -> None:
    problems = template_problems(project)
    assert not problems, _report(problems)


def test_the_six_un_languages_have_catalogs(project: Project) -> None:
    assert set(SHIPPED_LOCALES) <= set(project.languages())


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_catalog_has_no_untranslated_or_fuzzy_entries(project: Project, locale: str) -> None:
    problems = [
        problem
        for problem in catalog_problems(project, locale)
        if "placeholder" not in problem.message and "braces" not in problem.message
    ]
    assert not problems, _report(problems)


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_placeholder_is_kept(project: Project, locale: str) -> None:
    problems = [
        problem
        for problem in catalog_problems(project, locale)
        if "placeholder" in problem.message or "braces" in problem.message
    ]
    assert not problems, _report(problems)


# The checks themselves, on small catalogs -------------------------------------------------


def _catalog(locale: str, message: Message) -> Catalog:
    catalog = Catalog(locale=locale)
    catalog[message.id] = message
    return catalog


def test_a_fuzzy_entry_is_reported_for_a_translator_to_confirm() -> None:
    message = Message("Play", "Jouer", flags=["fuzzy"])
    assert any("fuzzy" in text for text in message_problems(message, _catalog("fr", message)))


def test_an_empty_translation_is_reported() -> None:
    message = Message("Play", "")
    assert list(message_problems(message, _catalog("fr", message))) == ["untranslated: 'Play'"]


def test_a_lost_placeholder_is_reported() -> None:
    message = Message("Language: {name}", "Langue")
    problems = list(message_problems(message, _catalog("fr", message)))
    assert problems and "placeholders differ" in problems[0]


def test_a_broken_brace_is_reported() -> None:
    message = Message("Language: {name}", "Langue : {nom")
    problems = list(message_problems(message, _catalog("fr", message)))
    assert problems and "braces" in problems[0]


def test_arabic_may_say_one_and_two_in_words_but_not_three() -> None:
    forms = (
        "لا نجوم",
        "نجمة واحدة",
        "نجمتان",
        "{count} نجوم",
        "{count} نجمة",
        "{count} نجمة",
    )
    good = Message(("{count} star", "{count} stars"), forms)
    assert list(message_problems(good, _catalog("ar", good))) == []
    bad = Message(("{count} star", "{count} stars"), (*forms[:3], "ثلاث نجوم", *forms[4:]))
    problems = list(message_problems(bad, _catalog("ar", bad)))
    assert problems == ["plural form 3 lacks ['count']: '{count} star'"]


def test_russian_needs_the_number_in_the_form_for_one_because_it_also_means_21() -> None:
    message = Message(
        ("{count} star", "{count} stars"), ("одна звезда", "{count} звезды", "{count} звёзд")
    )
    problems = list(message_problems(message, _catalog("ru", message)))
    assert problems == ["plural form 0 lacks ['count']: '{count} star'"]


def test_a_missing_plural_form_is_reported() -> None:
    message = Message(("{count} star", "{count} stars"), ("{count} звезда", "{count} звезды"))
    problems = list(message_problems(message, _catalog("ru", message)))
    assert problems and "2 plural forms, the language has 3" in problems[0]
