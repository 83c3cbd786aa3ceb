"""`timeline draft`: dates found in news text exactly as precisely as the text allows."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from generator.tools.draft import read_article, resolver

from conftest import ROOT, SEED, run

MONDAY = dt.date(2025, 4, 28)
WEDNESDAY = dt.date(2025, 5, 14)
FRIDAY = dt.date(2025, 6, 13)


def evaluation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "bench" / "dates" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_seed_article(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "generator" / "schema", tmp_path / "generator" / "schema")
    # Every sentence a new event (--no-match): the sentences about events of the timeline are below.
    result = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "id", "--no-match",
                 "--publisher", "Bisnis.com", "--title", "Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia",
                 cwd=tmp_path)  # fmt: skip
    rows = [re.split(r"\s{2,}", line) for line in result.stdout.splitlines()[1:-1]]
    found = {(phrase, date) for phrase, date, _ in rows}
    expected = {
        ("10 September 2023", "2023-09-10"),  # the photo caption
        ("Senin (28/4/2025)", "2025-04-28"),
        ("tahun lalu", "2024"),  # a year, not a day in it
        ("setelah tujuh bulan", "2024-09~/2025-04~"),
        ("Pada bulan Januari", "2025-01"),
        ("musim gugur lalu", "2024-23"),
        ("Jumat pekan lalu", "2025-04-25"),
    }
    assert expected <= found, found
    for phrase, _ in found:  # "1,3 juta", "10.000 tentara", "5.000 ton" are not dates
        assert not re.search(r"juta|10\.000|5\.000|1,3", phrase), phrase
    drafts = sorted((tmp_path / "drafts").glob("*.yaml"))
    assert len(drafts) == len({sentence for _, _, sentence in rows}) >= 7
    assert not list((tmp_path / "content").rglob("*draft*"))
    autumn = next(p for p in drafts if p.name.startswith("2024-23-"))
    text = autumn.read_text(encoding="utf-8")
    assert "# date: 'musim gugur lalu' → 2024-23" in text
    assert "mengirim sedikitnya 10.000 tentara ke Rusia musim gugur lalu." in " ".join(text.split())
    # Flagged until a person fills it in, then a valid event.
    target = tmp_path / "content" / "events" / "2024" / autumn.name
    target.write_text(text.replace("../generator", "../../../generator"), encoding="utf-8")
    flagged = run("timeline", "validate", cwd=tmp_path, check=False)
    assert flagged.returncode == 1
    for field in ("title", "status", "summary", "sources[0].translation"):
        assert f": {field}: " in flagged.stderr, field
    filled = (
        text.replace("TODO a plain headline for what happened", "North Korea sends troops to Russia")
        .replace("status: TODO", "status: claimed\nclaimed_by: [south-korean-intelligence]")
        .replace("TODO: what happened, in one to three short paragraphs.", "Intelligence officials say so.")
        .replace("TODO an English translation of the quote", "North Korea sent at least 10,000 troops.")
    )
    target.write_text(filled, encoding="utf-8")
    assert run("timeline", "validate", cwd=tmp_path).returncode == 0
    again = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "id", "--no-match",
                cwd=tmp_path)  # fmt: skip
    assert "0 drafts written" in again.stdout and "exists already" in again.stderr


def test_precision_and_recall_on_the_labelled_set_beat_dateparser() -> None:
    module = evaluation()
    files = [path.name for path in module.LABELLED]
    assert files[:2] == ["labelled.yaml", "labelled-2.yaml"], files
    cases = module.load_set()  # every file
    assert len(cases) >= 170 + 150 and len(module.load_set(module.LABELLED[1:])) >= 150
    assert sum(len(case[3]) for case in cases) >= 300
    assert sum(not case[3] for case in cases) >= 50  # sentences whose numbers are not dates
    assert {case[0] for case in module.load_set(module.LABELLED[1:])} == {"id", "en"}
    ours = module.score(module.ours, cases=cases)
    assert ours["precision"] >= 0.95 and ours["recall"] >= 0.9, ours
    theirs = module.score(module.dateparser_dates, cases=cases)
    assert ours["precision"] > theirs["precision"] and ours["recall"] > theirs["recall"], theirs


def test_every_label_is_a_date_of_the_subset() -> None:
    from generator.dates import parse_date

    for language, _, sentence, labels in evaluation().load_set():
        assert language in ("id", "en"), sentence
        for label in labels:
            parse_date(label)  # raises for anything outside the subset


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        ("id", "Data minggu lalu menunjukkan kenaikan.", ["2025-04-21/2025-04-27"]),  # last week
        ("id", "Serangan terjadi pada Minggu lalu.", ["2025-04-27"]),  # last Sunday
        ("id", "Sebanyak 2000 tentara dan 1,3 juta warga terdampak.", []),
        ("id", "Sejak Agustus 2024, pasukan bertahan.", ["2024-08/.."]),
        ("en", "It happened on 31 February 2025.", []),  # no such day
        ("en", "Late-October 2024 talks failed.", ["2024-10~"]),
        # A duration ends at the sentence's other date when it has one, else at publication.
        ("id", "Pasukan bertahan selama tujuh bulan hingga Maret 2025.", ["2024-08~/2025-03~", "2025-03"]),
        ("en", "For seven months until March 2025, troops held the town.", ["2024-08~/2025-03~", "2025-03"]),
    ],
)
def test_resolver_cases(language: str, sentence: str, dates: list[str]) -> None:
    assert [f.edtf for f in resolver(language).find(sentence, MONDAY)] == dates


# Each kind of expression issue 17 names, in both languages; published on Monday 28 April 2025
# unless said otherwise. The rule behind each answer is in bench/dates/README.md.
KINDS = [
    # A month and day without a year: the latest not after publication, or ahead when the clause looks forward.
    ("id", MONDAY, "Kesepakatan itu diteken pada 9 Februari.", ["2025-02-09"]),
    ("en", MONDAY, "The deal was signed on Feb. 9.", ["2025-02-09"]),
    ("id", MONDAY, "Harga emas mencapai puncak pada 12 Desember.", ["2024-12-12"]),
    ("en", MONDAY, "Gold peaked on 12 December.", ["2024-12-12"]),
    ("id", MONDAY, "Menteri akan berkunjung pada 5 Mei.", ["2025-05-05"]),
    ("en", MONDAY, "The minister will visit on May 5.", ["2025-05-05"]),
    ("id", MONDAY, "Gempa terjadi pada Sabtu (26/4).", ["2025-04-26"]),
    ("en", MONDAY, "Flights resume on Monday, May 5.", ["2025-05-05"]),  # the weekday fixes the year
    ("en", MONDAY, "The memo is dated 4/28/2025.", ["2025-04-28"]),  # month first, as written in the US
    # Ranges, quarters and halves.
    ("en", MONDAY, "Exports rose from January to March.", ["2025-01/2025-03"]),
    ("id", MONDAY, "Ekspor turun antara Juli dan September tahun lalu.", ["2024-07/2024-09"]),
    ("id", MONDAY, "Inflasi rendah sepanjang Januari hingga Maret.", ["2025-01/2025-03"]),
    ("en", MONDAY, "The festival ran from 5 to 7 April.", ["2025-04-05/2025-04-07"]),
    ("id", MONDAY, "Pemadaman listrik terjadi pada 5 dan 7 April.", ["2025-04-05", "2025-04-07"]),
    ("en", MONDAY, "Unemployment fell every year from 2019 to 2022.", ["2019/2022"]),
    ("id", MONDAY, "Kajian itu memakai data periode 2015-2020.", ["2015/2020"]),
    ("en", MONDAY, "Sales fell in Q2 2024.", ["2024-04/2024-06"]),
    ("en", MONDAY, "Exports rose in the first quarter.", ["2025-01/2025-03"]),
    ("id", MONDAY, "Laba turun pada kuartal ketiga.", ["2024-07/2024-09"]),
    ("id", MONDAY, "Laba naik pada kuartal I/2025.", ["2025-01/2025-03"]),
    ("id", MONDAY, "Penjualan naik pada semester I 2024.", ["2024-01/2024-06"]),
    # "Last <month>"; a season without "last": the current one, else the latest.
    ("en", MONDAY, "Wildfires broke out last August.", ["2024-08"]),
    ("id", MONDAY, "Kabinet dirombak Desember lalu.", ["2024-12"]),
    ("en", MONDAY, "Talks resume next October.", ["2025-10"]),
    ("id", MONDAY, "Liga dimulai Agustus mendatang.", ["2025-08"]),
    ("en", MONDAY, "Gas use fell this winter.", ["2024-24"]),
    ("id", dt.date(2025, 1, 15), "Musim dingin ini sangat dingin di Seoul.", ["2024-24"]),
    ("en", MONDAY, "The garden opened this spring.", ["2025-21"]),
    ("en", MONDAY, "In the autumn, prices fell.", ["2024-23"]),
    ("id", MONDAY, "Pemilu akan digelar pada musim gugur ini.", ["2025-23"]),
    # The future looks forward.
    ("id", MONDAY, "Timnas berangkat ke Bahrain lusa.", ["2025-04-30"]),
    ("en", MONDAY, "The verdict comes the day after tomorrow.", ["2025-04-30"]),
    ("id", MONDAY, "Tarif listrik naik bulan depan.", ["2025-05"]),
    ("en", MONDAY, "Tariffs rise next month.", ["2025-05"]),
    ("id", MONDAY, "Sidang dilanjutkan pekan depan.", ["2025-05-05/2025-05-11"]),
    ("en", MONDAY, "Parliament will vote later this year.", ["2025"]),
    ("id", MONDAY, "Hasil seleksi diumumkan besok.", ["2025-04-29"]),
    ("en", MONDAY, "Fans will gather this weekend.", ["2025-05-03/2025-05-04"]),
    # Weeks ago (and ahead): a day, approximate.
    ("en", MONDAY, "The storm hit three weeks ago.", ["2025-04-07~"]),
    ("id", MONDAY, "Banjir terjadi tiga pekan lalu.", ["2025-04-07~"]),
    ("id", MONDAY, "Sepekan lalu, harga bawang naik.", ["2025-04-21~"]),
    ("en", MONDAY, "The athletes fly out in two weeks.", ["2025-05-12~"]),
    ("id", MONDAY, "Kontingen berangkat dua pekan lagi.", ["2025-05-12~"]),
    # A qualifier inside a span keeps both the part and the open end.
    ("en", MONDAY, "Prices have risen since late May.", ["2024-05~/.."]),
    ("id", MONDAY, "Harga cabai naik sejak awal Maret.", ["2025-03~/.."]),
    ("en", MONDAY, "Rates have fallen since the start of the year.", ["2025~/.."]),
    ("id", MONDAY, "Pasokan terganggu sejak akhir tahun lalu.", ["2024~/.."]),
    ("en", MONDAY, "The talks failed in late October.", ["2024-10~"]),
    # The first months of a year start in January; they are no duration counted back.
    ("en", dt.date(2025, 8, 14), "Growth was 5% in the first half of 2025.", ["2025-01/2025-06"]),
    ("id", dt.date(2025, 8, 14), "Ekspor naik pada enam bulan pertama tahun ini.", ["2025-01/2025-06"]),
    ("en", MONDAY, "Profits rose in the first three months of the year.", ["2025-01/2025-03"]),
    # A duration counted back from publication stays what it was.
    ("en", MONDAY, "Prices have been flat for the past six months.", ["2024-10~/2025-04~"]),
    ("id", MONDAY, "Harga gabah naik dalam tiga bulan terakhir.", ["2025-01~/2025-04~"]),
    # Approximate and uncertain.
    ("en", MONDAY, "The ship sank around 1915.", ["1915~"]),
    ("id", MONDAY, "Rumah itu dibangun sekitar tahun 1920.", ["1920~"]),
    ("id", MONDAY, "Peluncuran akan dilakukan kemungkinan pada Juni.", ["2025-06?"]),
    ("en", MONDAY, "The launch, possibly in June, will be the first.", ["2025-06?"]),
    # A weekday of a named week is that day of that Monday-Sunday week; "last Thursday" the latest.
    ("id", FRIDAY, "Harga beras naik pada Rabu pekan lalu.", ["2025-06-04"]),
    ("id", FRIDAY, "Kapal itu tenggelam Selasa minggu lalu.", ["2025-06-03"]),
    ("id", MONDAY, "Pada Jumat pekan lalu, Kim hadir.", ["2025-04-25"]),  # on a Monday both readings agree
    ("id", FRIDAY, "Jumat lalu, pasar ditutup.", ["2025-06-06"]),
    ("id", FRIDAY, "Sidang dilanjutkan Kamis pekan depan.", ["2025-06-19"]),
    ("en", FRIDAY, "The bank was fined on Tuesday last week.", ["2025-06-03"]),
    ("en", FRIDAY, "Last week's Monday sell-off hit chipmakers.", ["2025-06-02"]),
    ("en", FRIDAY, "Flights were cancelled last Thursday.", ["2025-06-12"]),
    # This weekend: the weekend of the week of publication; told in the past before it, the one just gone.
    ("en", WEDNESDAY, "The city hosts its first marathon this weekend.", ["2025-05-17/2025-05-18"]),
    ("id", WEDNESDAY, "Alun-alun dipadati warga akhir pekan ini.", ["2025-05-17/2025-05-18"]),
    ("id", MONDAY, "Alun-alun dipadati warga akhir pekan ini.", ["2025-05-03/2025-05-04"]),
    ("en", MONDAY, "Hundreds of homes lost power this weekend.", ["2025-04-26/2025-04-27"]),
    ("en", MONDAY, "Crowds packed the stadium this past weekend.", ["2025-04-26/2025-04-27"]),
    ("en", WEDNESDAY, "Police made 23 arrests over the weekend.", ["2025-05-10/2025-05-11"]),
    # A timetable in the present tense, a bet, a date moved to: ahead. A date straight after "and" shares the verb before.
    ("en", WEDNESDAY, "The bridge reopens on Aug. 3.", ["2025-08-03"]),
    ("en", WEDNESDAY, "The trial begins on Monday, the court said.", ["2025-05-19"]),
    ("en", WEDNESDAY, "The museum reopened on March 2.", ["2025-03-02"]),
    ("en", WEDNESDAY, "The exhibition, which opened on March 2, closes on June 30.", ["2025-03-02", "2025-06-30"]),
    ("en", WEDNESDAY, "Markets are pricing in a cut at the Fed's Dec. 10 meeting.", ["2025-12-10"]),
    (
        "en",
        WEDNESDAY,
        "Shares ended higher on Friday as traders bet on a cut at the Dec. 10 meeting.",
        ["2025-05-09", "2025-12-10"],
    ),
    ("en", WEDNESDAY, "The final begins on Sunday, with the champion seeded first.", ["2025-05-18"]),
    ("en", WEDNESDAY, "Stocks got off to a strong start on Monday.", ["2025-05-12"]),
    ("en", WEDNESDAY, "The vote was postponed by a week to March 3.", ["2026-03-03"]),
    ("en", WEDNESDAY, "The meeting was moved to Tuesday.", ["2025-05-20"]),
    (
        "en",
        WEDNESDAY,
        "A court postponed the sentencing of the former minister in the bribery case to Sept. 18.",
        ["2025-09-18"],
    ),
    ("id", WEDNESDAY, "Peluncuran ditunda hingga 14 Februari.", ["2026-02-14"]),
    ("id", WEDNESDAY, "Pelantikan diundur ke Januari.", ["2026-01"]),
    ("en", WEDNESDAY, "Nurses will strike tomorrow and on Friday across 40 hospitals.", ["2025-05-15", "2025-05-16"]),
    ("id", WEDNESDAY, "Sopir akan mogok besok dan pada Jumat di depan Istana.", ["2025-05-15", "2025-05-16"]),
    ("en", WEDNESDAY, "Doctors will walk out on Thursday and nurses struck on Friday.", ["2025-05-15", "2025-05-09"]),
    # Overnight, semalam: the day before publication; not a name, a length or a figure of speech.
    ("en", WEDNESDAY, "Russia launched 55 drones at Kyiv overnight.", ["2025-05-13"]),
    ("en", WEDNESDAY, "An overnight attack killed two dockworkers.", ["2025-05-13"]),
    ("en", WEDNESDAY, "The overnight lending rate stayed at 4.25%.", []),
    ("en", WEDNESDAY, "Such reforms will not happen overnight.", []),
    ("id", WEDNESDAY, "Hujan deras semalam merendam 40 rumah.", ["2025-05-13"]),
    ("id", WEDNESDAY, "Para pendaki menginap semalam di pos 3.", []),
    # A tournament, games or expo named with its year: the year is no date, nor the start of a range.
    ("id", WEDNESDAY, "Tim voli tampil di SEA Games 2025 hingga Minggu (18/5).", ["2025-05-18"]),
    ("id", WEDNESDAY, "Tiket Piala Dunia U-17 2025 akan dijual mulai 3 Juni.", ["2025-06-03"]),
    ("id", WEDNESDAY, "Osaka menyiapkan 20.000 relawan untuk Expo 2025.", []),
    ("en", WEDNESDAY, "France won three golds at the Paris 2024 Olympics on Monday.", ["2025-05-12"]),
    ("en", WEDNESDAY, "Tickets for the 2026 World Cup final sold out.", []),
    ("en", WEDNESDAY, "The 2023 games were cancelled in 2024.", ["2024"]),
    # A doubt about moving a date is a doubt about the date it moves to.
    ("id", WEDNESDAY, "Peresmian bandara kemungkinan diundur hingga 2027.", ["2027?"]),
    ("en", WEDNESDAY, "The flight will probably be delayed to 2027, the agency said.", ["2027?"]),
    ("en", WEDNESDAY, "Talks will likely be pushed back until March.", ["2026-03?"]),
    ("en", WEDNESDAY, "The flight was delayed to 2027.", ["2027"]),
    # "This winter" out of season: the nearer of the one just ended and the one to come, unless the tense says.
    ("en", WEDNESDAY, "Farmers fear another drought this summer.", ["2025-22"]),
    ("en", dt.date(2026, 11, 20), "Gas storage is 95% full heading into this winter.", ["2026-24"]),
    ("id", dt.date(2025, 11, 10), "Seoul menyiapkan 3.000 penampungan untuk musim dingin ini.", ["2025-24"]),
    ("en", WEDNESDAY, "Heating bills eased this winter.", ["2024-24"]),
    ("en", dt.date(2025, 8, 20), "Heating bills soared this winter.", ["2024-24"]),
    # Years ago this week, this month, today: that week, month or day so many years back.
    ("en", WEDNESDAY, "Ten years ago this week, the border opened.", ["2015-05-11/2015-05-17"]),
    ("en", WEDNESDAY, "A year ago this month, the factory shut.", ["2024-05"]),
    ("en", WEDNESDAY, "Thirty years ago today, the bridge collapsed.", ["1995-05-14"]),
    ("id", WEDNESDAY, "Lima tahun lalu pekan ini, kasus pertama diumumkan.", ["2020-05-11/2020-05-17"]),
    ("en", dt.date(2024, 2, 29), "Five years ago today, the bridge collapsed.", ["2019-02-28"]),
    ("en", WEDNESDAY, "Twenty years ago, the tsunami struck.", ["2005"]),
]


@pytest.mark.parametrize(("language", "published", "sentence", "dates"), KINDS)
def test_each_kind_of_expression(language: str, published: dt.date, sentence: str, dates: list[str]) -> None:
    assert [f.edtf for f in resolver(language).find(sentence, published)] == dates


# Numbers that are not dates, and lengths and habits that are not placed in the calendar.
NOT_DATES = [
    ("en", "Security Council resolution 2231 remains in force."),
    ("id", "Resolusi Dewan Keamanan PBB Nomor 2231 tetap berlaku."),
    ("en", "Under Law No. 12/2024, platforms must verify their users."),
    ("id", "Undang-Undang Nomor 12 Tahun 2024 mengatur pilkada."),
    ("en", "The 2025 budget includes $2.1 billion for defence."),
    ("id", "Defisit APBN 2025 dipatok 2,53 persen."),
    ("en", "Spending in fiscal 2026 is capped."),
    ("id", "Cukai naik untuk tahun fiskal 2026."),
    ("en", "The last train leaves at 20:25 every evening."),
    ("id", "Kereta berangkat pukul 20.25 WIB dari Gambir."),
    ("en", "About 2,024 people were rescued."),
    ("id", "Sebanyak 2025 tentara diberangkatkan."),
    ("en", "Call 0800 2025 111 for help."),
    ("id", "Hubungi 0812-2024-5566 untuk informasi."),
    ("en", "The 27-year-old scored twice."),
    ("id", "Pelatih itu berusia 55 tahun."),
    ("en", "Turnout reached 82.5 percent."),
    ("id", "Pengangguran turun menjadi 4,76 persen."),
    ("en", "He was sentenced to two years in prison."),
    ("id", "Ia divonis tiga tahun penjara."),
    ("en", "He was jailed for 18 months."),
    ("id", "Kontrak tiga tahun itu bernilai Rp5 miliar."),
    ("en", "The report runs to 2,019 pages."),
    ("id", "Data itu dimuat di halaman 12 laporan keuangan 2024."),
    ("en", "Vision 2030 aims to diversify the economy."),
    ("id", "Piala Dunia 2026 akan digelar di Amerika Utara."),
    ("en", "He scored in the first half."),
    ("id", "Setiap Senin, pasar ini ramai."),
    ("en", "The shop is open Monday to Saturday."),
    ("id", "Dua hari kemudian, aktivis itu dibebaskan."),
    ("en", "The plant meets the ISO 9001:2015 standard."),
    ("id", "Pemerintah mengalokasikan Rp2.025 triliun."),
    ("en", "The train journey took two days."),
    ("id", "Harga naik dalam dua pekan terakhir."),
]


@pytest.mark.parametrize(("language", "sentence"), NOT_DATES)
def test_numbers_that_are_not_dates(language: str, sentence: str) -> None:
    assert resolver(language).find(sentence, MONDAY) == []


def test_a_phrase_leaves_the_full_stop_out() -> None:
    (found,) = resolver("en").find("Inflation eased in February.", MONDAY)
    assert (found.phrase, found.edtf) == ("in February", "2025-02")


def test_the_draft_module_still_offers_the_resolver() -> None:
    from generator.tools import draft

    assert draft.resolver is resolver and draft.Found.__name__ == "Found"
    assert {"read_article", "sentences", "write_drafts", "resolver", "Found"} <= set(draft.__all__)


def test_an_html_article_loses_its_boilerplate(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(
        "<html><body><nav><p>Home</p></nav><script>var x = '10 September 2023';</script>"
        "<p>Langganan</p><p>Kim Jong Un left Pyongyang for Russia on 10 September 2023, state media said.</p>"
        "<p>Kim Jong Un left Pyongyang for Russia on 10 September 2023, state media said.</p></body></html>",
        encoding="utf-8",
    )
    assert read_article(page) == ["Kim Jong Un left Pyongyang for Russia on 10 September 2023, state media said."]


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    result = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "fr", cwd=tmp_path,
                 check=False)  # fmt: skip
    assert result.returncode == 2 and "no phrase list for language 'fr'; known: en, id" in result.stderr


SEED_ABOUT = {
    "10 September 2023": {"2023-09-10-kim-leaves-pyongyang-for-russia"},
    "Senin (28/4/2025)": {"2025-04-28-kcna-admits-troop-deployment"},
    "Pada bulan Januari": {"2025-01-ukraine-captures-two-north-korean-soldiers",
                           "2025-01-seoul-estimates-300-north-korean-soldiers-killed"},
    "musim gugur lalu": {"2024-23-north-korea-sends-troops-to-russia"},
    "Jumat pekan lalu": {"2025-04-25-kim-attends-destroyer-launch"},
    "setelah tujuh bulan": {"2025-04-russia-claims-ukrainian-forces-expelled-from-kursk",
                            "2024-09-ukraine-holds-russian-territory-in-kursk"},
}  # fmt: skip
"""Which event of the timeline each dated sentence of the seed is about (either, where it is about two)."""


def _seed_project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "generator" / "schema", tmp_path / "generator" / "schema")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_sentences_about_events_of_the_timeline_become_proposed_statements(tmp_path: Path) -> None:
    project = _seed_project(tmp_path)
    result = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "id",
                 "--publisher", "Bisnis.com", "--title", "Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia",
                 cwd=project)  # fmt: skip
    proposed = dict(re.findall(r"proposed: a statement for (\S+) \((\S+)\)", result.stdout))
    texts = {event: (project / path).read_text(encoding="utf-8") for event, path in proposed.items()}
    for phrase, events in SEED_ABOUT.items():
        about = [event for event, text in texts.items() if f"# date: {phrase!r}" in text]
        assert len(about) == 1 and about[0] in events, (phrase, about)
    # No event is drafted twice: what is about an event of the timeline is no new event.
    drafted = sorted((project / "drafts").glob("*.yaml"))
    assert all(
        not any(f"# date: {phrase!r}" in p.read_text(encoding="utf-8") for phrase in SEED_ABOUT) for p in drafted
    )
    assert "statements proposed for events of the timeline" in result.stdout
    assert not (project / "content").joinpath("history").exists()


def test_a_proposed_statement_filled_in_joins_the_events_history(tmp_path: Path) -> None:
    project = _seed_project(tmp_path)
    run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "id", "--publisher", "Bisnis.com",
        "--title", "Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia", cwd=project)  # fmt: skip
    event = "2025-04-25-kim-attends-destroyer-launch"
    (proposal,) = (project / "drafts" / "history").glob(f"{event}--*.yaml")
    text = proposal.read_text(encoding="utf-8")
    # It says which event it is for, why, and when the statement was made; the stance is a person's to set.
    assert f"A proposed statement for the event {event}" in text and f"# content/events/2025/{event}.yaml" in text
    assert "stance: TODO  # asserts | denies | corroborates | disputes | acknowledges | retracts" in text
    assert "  - date: '2025-04-28'" in text and "when it was said: by 2025-04-28, the day the article was" in text
    assert "Kim, ditemani oleh putrinya" in " ".join(text.split())
    filled = (
        text.replace("stance: TODO", "stance: corroborates")
        .replace("TODO what was said, in your own words", "Bisnis.com reported the launch, citing Bloomberg.")
        .replace("TODO an English translation of the quote", "Last Friday, Kim attended the launch.")
    )
    entry = filled.split("history:\n", 1)[1]
    target = project / "content" / "events" / "2025" / f"{event}.yaml"
    original = target.read_text(encoding="utf-8")
    if "\nhistory:\n" in original:  # add it to the history (the dates are in order: it is the newest)
        before, after = original.split("\nhistory:\n", 1)
        target.write_text(before + "\nhistory:\n" + after.rstrip("\n") + "\n" + entry, encoding="utf-8")
    else:
        target.write_text(original.rstrip("\n") + "\nhistory:\n" + entry, encoding="utf-8")
    checked = run("timeline", "validate", cwd=project, check=False)
    assert checked.returncode == 0, checked.stderr


def test_a_sentence_about_nothing_on_the_timeline_is_a_new_event(tmp_path: Path) -> None:
    project = _seed_project(tmp_path)
    article = project / "article.txt"
    article.write_text("Bank Indonesia held its benchmark rate at 5.75 percent on 23 April, its governor said.\n")
    result = run("timeline", "draft", str(article), "--published", "2025-04-28", cwd=project)
    assert "proposed:" not in result.stdout and "1 drafts written" in result.stdout


def test_an_english_sentence_about_an_event_of_the_timeline_is_matched_too(tmp_path: Path) -> None:
    project = _seed_project(tmp_path)
    article = project / "article.txt"
    article.write_text("North Korea's state news agency KCNA acknowledged on Monday that the country had sent "
                       "troops to help Russia retake the Kursk region.\n", encoding="utf-8")  # fmt: skip
    result = run("timeline", "draft", str(article), "--published", "2025-04-30", cwd=project)
    assert "proposed: a statement for 2025-04-28-kcna-admits-troop-deployment" in result.stdout
