"""Settings changes: a new text size or language lays out every scene again, then draws."""

from __future__ import annotations

import time

from game.bench.session import frame_step, open_session, show_step
from game.bench.stats import Measurement

RELAYOUT_TARGET_MS = 100.0
TEXT_SCALES = (100, 200)


def second_language() -> str:
    """A language to switch to: Arabic when there is a catalog for it (it also mirrors the
    layout), else any other catalog, else Arabic still (its layout mirrors even untranslated)."""
    from game.i18n.catalog import SOURCE_LOCALE, available_locales
    from game.paths import locales_dir

    others = [locale for locale in available_locales(locales_dir()) if locale != SOURCE_LOCALE]
    return "ar" if "ar" in others or not others else others[0]


def measure_relayout(changes: int) -> list[Measurement]:
    """Milliseconds from a settings change to the next frame drawn, over the whole scene stack."""
    text_size = Measurement(
        "relayout_ms",
        "Text size change, relayout + draw",
        "ms",
        target=RELAYOUT_TARGET_MS,
        note="ctx.update_settings(text_scale=100<->200) with the map and level scenes stacked",
    )
    language = Measurement(
        "relayout_language_ms",
        "Language change, relayout + draw",
        "ms",
        target=RELAYOUT_TARGET_MS,
    )
    other = second_language()
    language.note = f"ctx.update_settings(locale=en<->{other}), saved, laid out and drawn"
    with open_session() as session:
        level, index, _ = frame_step(session.ctx)
        show_step(session, level, index)
        ctx = session.ctx
        for change in range(changes):
            for measurement, values in (
                (text_size, {"text_scale": TEXT_SCALES[(change + 1) % 2]}),
                (language, {"locale": other if change % 2 == 0 else "en"}),
            ):
                start, start_cpu = time.perf_counter(), time.process_time()
                ctx.update_settings(**values)
                session.app.draw()
                measurement.samples.append((time.perf_counter() - start) * 1000)
                measurement.cpu_samples.append((time.process_time() - start_cpu) * 1000)
    return [text_size, language]
