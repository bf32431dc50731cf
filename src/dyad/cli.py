"""The `dyad` command line: each command parses its options, calls one library function and
turns domain errors into clear messages. No processing happens here."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from dyad import __version__
from dyad.config import DEFAULT_LANGUAGES, Config
from dyad.errors import DyadError
from dyad.records import EVENT_TYPES


PARTIAL = 3      # exit status of a run that finished but could not read some files


def _fail(e: Exception) -> None:
    click.echo(f"dyad: error: {e}", err=True)
    sys.exit(1)


def _languages(value: str) -> tuple[str, ...]:
    langs = tuple(x.strip().lower() for x in value.split(",") if x.strip())
    if not langs or any(len(x) != 2 or not x.isalpha() for x in langs):
        raise click.BadParameter("a comma-separated list of ISO 639-1 codes, e.g. en,es,ru")
    return langs


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
def main() -> None:
    """dyad: events, quotes and links from international-relations news, in many languages."""


@main.command("run")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db", default="dyad.db", show_default=True, type=click.Path(path_type=Path),
              help="The SQLite store to create or update.")
@click.option("--languages", default=",".join(DEFAULT_LANGUAGES), show_default=True,
              help="Languages a document may be identified as.")
@click.option("--encoding", default=None,
              help="Decode text files that are not UTF-8 with this encoding (e.g. cp1251).")
@click.option("--registry", "registries", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A people registry of your own (YAML, the format of dyad's people.yaml); "
                   "may be given several times.")
@click.option("--beat", default=None, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The actor codes of the beat you follow (YAML, the format of dyad's "
                   "beat.yaml; default: Latin America and the Caribbean).")
@click.option("--jobs", default=0, show_default=True, type=click.IntRange(min=0),
              help="Worker processes for the per-document stages (0: one per core; 1: none).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def run_cmd(corpus: tuple[Path, ...], db: Path, languages: str, encoding: str | None,
            registries: tuple[Path, ...], beat: Path | None, jobs: int, quiet: bool) -> None:
    """Read CORPUS (folders, searched recursively, and files) into the store. Only new or
    changed files are processed; files that cannot be read are reported and skipped (exit
    status 3 when any were)."""
    from dyad.pipeline import run

    config = Config(languages=_languages(languages), encoding=encoding,
                    registries=tuple(str(p.resolve()) for p in registries),
                    beat=str(beat.resolve()) if beat else None, jobs=jobs)
    try:
        summary = run(list(corpus), db, config, progress=not quiet)
    except DyadError as e:
        _fail(e)
    for err in summary.errors:
        click.echo(f"error: {err.path}: {err.reason}", err=True)
    click.echo(summary.line())
    if summary.errors:
        sys.exit(PARTIAL)


@main.command("export")
@click.option("--db", "db", default="dyad.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["dyad-json", "csv"]), default="dyad-json",
              show_default=True)
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="A .json file for dyad-json; a folder for csv.")
def export_cmd(db: Path, fmt: str, out: Path) -> None:
    """Write the store out as dyad-output/1 JSON or as CSV tables."""
    from dyad.export import export

    try:
        n = export(db, fmt, out)
    except (DyadError, OSError) as e:
        _fail(e)
    click.echo(f"wrote {n} documents to {out}")


@main.command("clusters")
@click.option("--db", "db", default="dyad.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(["quote", "event"]), default=None,
              help="Only quote or only event clusters.")
@click.option("--actor", default=None, help="Only clusters naming this actor code (e.g. VEN).")
@click.option("--speaker", default=None, help="Only quote clusters of this speaker (a name).")
def clusters_cmd(db: Path, kind: str | None, actor: str | None, speaker: str | None) -> None:
    """List the quote and event clusters of the store, each with its members in the order
    outlets carried them."""
    from dyad.links import listing

    try:
        views = listing(db, kind, actor, speaker)
    except DyadError as e:
        _fail(e)
    for view in views:
        click.echo("\n".join(view.lines()))
    click.echo(f"{len(views)} clusters")


DAY = click.DateTime(formats=["%Y-%m-%d"])


@main.command("events")
@click.option("--db", "db", default="dyad.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--actor", default=None, help="Only events with this actor code as source or "
                                           "target (e.g. VEN, RUS, CELAC).")
@click.option("--type", "etype", default=None, type=click.Choice(sorted(EVENT_TYPES),
                                                                  case_sensitive=False),
              help="Only events of this PLOVER type.")
@click.option("--since", type=DAY, default=None, help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--until", type=DAY, default=None, help="Only events on or before this day.")
@click.option("--language", default=None, help="Only events read from documents in this language.")
@click.option("--flagged", is_flag=True, help="Also planned and negated events (left out of exports).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
def events_cmd(db: Path, actor: str | None, etype: str | None, since: dt.datetime | None,
               until: dt.datetime | None, language: str | None, flagged: bool,
               limit: int | None) -> None:
    """List the events of the store (by date), each with the sentence it was read from."""
    from dyad.store import listing

    f = listing.EventFilter(actor=actor, type=etype, since=since.date() if since else None,
                            until=until.date() if until else None, language=language,
                            include_flagged=flagged, limit=limit)
    try:
        rows = listing.events(db, f)
    except DyadError as e:
        _fail(e)
    for row in rows:
        click.echo(row.line())
    click.echo(f"{len(rows)} events")


@main.command("quotes")
@click.option("--db", "db", default="dyad.db", show_default=True, type=click.Path(path_type=Path))
@click.option("--speaker", default=None, help="Only quotes whose speaker's name contains this.")
@click.option("--actor", default=None, help="Only quotes of speakers acting for this code (e.g. RUS).")
@click.option("--language", default=None, help="Only quotes from documents in this language.")
@click.option("--text", "text", default=None, help="Only quotes containing these words.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
def quotes_cmd(db: Path, speaker: str | None, actor: str | None, language: str | None,
               text: str | None, limit: int | None) -> None:
    """List the quotes of the store (by date): who said it, via which outlet, the words."""
    from dyad.store import listing

    f = listing.QuoteFilter(speaker=speaker, actor=actor, language=language, text=text,
                            limit=limit)
    try:
        rows = listing.quotes(db, f)
    except DyadError as e:
        _fail(e)
    for row in rows:
        click.echo(row.line())
    click.echo(f"{len(rows)} quotes")


@main.command("demo")
@click.option("--db", "db", default="dyad-demo.db", show_default=True,
              type=click.Path(path_type=Path))
def demo_cmd(db: Path) -> None:
    """Run the whole pipeline on the small demo corpus shipped with dyad."""
    from dyad.demo import run_demo

    try:
        report = run_demo(db)
    except DyadError as e:
        _fail(e)
    click.echo(report)


if __name__ == "__main__":
    main()
