"""The `dyad` command line: each command parses its options, calls one library function and
turns domain errors into clear messages. No processing happens here."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dyad import __version__
from dyad.config import DEFAULT_LANGUAGES, Config
from dyad.errors import DyadError


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
@click.option("--quiet", is_flag=True, help="No progress bar.")
def run_cmd(corpus: tuple[Path, ...], db: Path, languages: str, encoding: str | None,
            registries: tuple[Path, ...], quiet: bool) -> None:
    """Read CORPUS (folders, searched recursively, and files) into the store. Only new or
    changed files are processed; files that cannot be read are reported and skipped (exit
    status 3 when any were)."""
    from dyad.pipeline import run

    config = Config(languages=_languages(languages), encoding=encoding,
                    registries=tuple(str(p.resolve()) for p in registries))
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
