"""The class report as one self-contained web page: inline CSS and SVG, no scripts, no links
to anywhere, so it opens and prints offline."""

from __future__ import annotations

from html import escape

from game.classroom.names import STATUS_SYMBOLS
from game.reports.charts import topic_chart
from game.reports.model import ClassReport

_STYLE = """
body { font-family: "Noto Sans", Arial, sans-serif; color: #1d2b3a; background: #ffffff;
       margin: 2em; line-height: 1.45; font-size: 16px; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 2px solid #d6ccba; }
h3 { font-size: 1.1em; margin: 1em 0 0.3em; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #8a8072; padding: 0.35em 0.6em; text-align: left;
         vertical-align: top; }
th { background: #f3efe6; }
.mark { font-weight: bold; display: inline-block; width: 1.2em; }
.note { color: #4a5568; }
figure { margin: 0.6em 0 1.2em; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; }
               section.player { break-inside: avoid; } }
"""


def render_html(report: ClassReport, language: str = "en", rtl: bool = False) -> str:
    """The report as an HTML document (a string)."""
    words = report.words
    direction = "rtl" if rtl else "ltr"
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(report.heading)}: {escape(report.group)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(report.heading)}</h1>",
        f"<p>{escape(words['group'].format(group=report.group))}<br>"
        f"{escape(words['made-on'].format(date=report.made_on))}</p>",
        f'<p class="note">{escape(words["privacy"])}</p>',
    ]
    if not report.players:
        out.append(f"<p>{escape(words['no-players'])}</p>")
    if report.topics:
        out += [
            f"<h2>{escape(words['topics'])}</h2>",
            f"<h3>{escape(words['done-chart'])}</h3>",
            f"<figure>{topic_chart(report, 'done')}</figure>",
            f"<h3>{escape(words['safe-chart'])}</h3>",
            f"<figure>{topic_chart(report, 'safe')}</figure>",
        ]
    if report.players:
        out += [f"<h2>{escape(words['players'])}</h2>", "<table>", "<thead><tr>"]
        for key in ("player", "levels-done", "started", "safe", "unsafe", "badges"):
            out.append(f'<th scope="col">{escape(words[key])}</th>')
        out.append("</tr></thead><tbody>")
        for line in report.players:
            badges = ", ".join(line.badges) if line.badges else words["none"]
            out.append(
                f'<tr><th scope="row">{escape(line.name)}</th>'
                f"<td>{line.done} / {line.levels}</td><td>{line.started}</td>"
                f"<td>{line.safe}</td><td>{line.unsafe}</td><td>{escape(badges)}</td></tr>"
            )
        out.append("</tbody></table>")
        out += [
            f"<h2>{escape(words['grid'])}</h2>",
            f'<p class="note">{escape(words["legend"])}</p>',
            "<table>",
            f'<thead><tr><th scope="col">{escape(words["player"])}</th>',
        ]
        for level in report.levels:
            out.append(
                f'<th scope="col">{escape(level.title)}<br>'
                f'<span class="note">{escape(level.band)}</span></th>'
            )
        out.append("</tr></thead><tbody>")
        for line in report.players:
            out.append(f'<tr><th scope="row">{escape(line.name)}</th>')
            for cell in line.cells:
                mark = STATUS_SYMBOLS[cell.status]
                out.append(
                    f'<td><span class="mark" aria-hidden="true">{mark}</span>'
                    f"{escape(report.cell_text(cell))}</td>"
                )
            out.append("</tr>")
        out.append("</tbody></table>")
        out.append(f"<h2>{escape(words['per-player'])}</h2>")
        for line in report.players:
            out += [
                '<section class="player">',
                f"<h3>{escape(line.name)}</h3>",
                f"<p>{escape(words['levels-done'])}: {line.done} / {line.levels}. "
                f"{escape(words['safe'])}: {line.safe}. {escape(words['unsafe'])}: "
                f"{line.unsafe}. {escape(words['badges'])}: "
                f"{escape(', '.join(line.badges) if line.badges else words['none'])}</p>",
                "<ul>",
            ]
            for level, cell in zip(report.levels, line.cells, strict=True):
                out.append(
                    f'<li><span class="mark" aria-hidden="true">{STATUS_SYMBOLS[cell.status]}'
                    f"</span>{escape(level.title)}: {escape(report.cell_text(cell))}</li>"
                )
            out += ["</ul>", "</section>"]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
