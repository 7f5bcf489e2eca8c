"""The people of one document: full names, lone surnames, gender cues, and where they are named.

There is no named-entity model here (it would cost more than the whole extractor), so a person is
a run of two or three capitalised words that the document itself marks as a person: a title or
honorific in front ("Sen. Ted Cruz", "Mr. Abe"), a common given name ("Hillary Clinton"), or the
surname standing alone elsewhere in the body ("Martin O’Malley ... O’Malley said"). Places and
organisations are rarely named by their last word alone, so they stay out.

Two uses:

- `canonical` turns what a sentence calls a speaker ("Powell", "Mr. Cruz") into the fullest name
  the document gives that person ("Jerome Powell", "Ted Cruz").
- `resolve` picks the person a "he"/"she" speaker stands for, from the speakers and subjects of
  the sentences before it, never from names inside quotations, and only when gender agrees.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from newsfacts.claims.cues import FEMALE_CUES, FEMALE_NAMES, MALE_CUES, MALE_NAMES, ROLE_TITLES, SUBJECT_VERBS, TITLES
from newsfacts.facts.trie import WORD_CHARS

_TITLE_SET = frozenset(TITLES.split())
_MALE_NAMES = frozenset(MALE_NAMES.split())
_FEMALE_NAMES = frozenset(FEMALE_NAMES.split())
_MALE_CUES = frozenset(MALE_CUES.split())
_ROLES_OF_TITLE: dict[str, set[str]] = {}
for _role, _titles in ROLE_TITLES.items():
    for _t in _titles.split():
        _ROLES_OF_TITLE.setdefault(_t, set()).add(_role)
_FEMALE_CUES = frozenset(FEMALE_CUES.split())
# A run of capitalised words (an initial allowed inside). The capital is matched before the
# look-behind so that the engine can skip straight to upper-case letters.
_CANDIDATE = re.compile(
    rf"[A-Z](?<![{WORD_CHARS}’'.-][A-Z])[{WORD_CHARS}’'-]*\.?(?:[ \t]+(?:[A-Z]\.|[A-Z][{WORD_CHARS}’'-]*\.?)){{1,4}}"
)
_CAP_WORD = re.compile(rf"[A-Z](?<![{WORD_CHARS}’'.-][A-Z])[{WORD_CHARS}’'-]*")
# A capitalised word right before an offset: the surname there is part of a longer name.
_CAPITAL_BEFORE = re.compile(rf"[A-Z][{WORD_CHARS}’'-]*[ \t]+$")
_NOT_NAME_LIST = """
    The A An This That These Those It Its In On At For But And Or If When While After Before As By
    With From To Of Not No Yes So Then There Here He She They We I You His Her Their Our My Your
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Today Yesterday Tomorrow Last Next Mr Mrs Ms
    According Asked Speaking Meanwhile However Still Also Even Now Yet What Who Why How Where Which
    """
_NOT_NAME = frozenset(_NOT_NAME_LIST.split())
_NAME_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_TITLE_OR_NOT_NAME = _TITLE_SET | _NOT_NAME
_ORG_WORDS_TEXT = """
    Institute University Ministry Bank Group Inc Corp Exchange Council Party Agency Association Center
    Centre Foundation Fund Office Department Committee Commission Organization Organisation Company
    Times News Post Journal Press Government Administration Industries Electric Holdings Network
    Forces Force House Senate Congress Parliament Court Board Reserve Treasury Union States Kingdom
    Street City County State Republic Airlines Motors Capital Partners Securities Research Media
    Television Radio Club League Project Campaign Review Magazine Daily Herald Tribune Channel
    LLP LLC Ltd PLC Plc Co. Corporation Incorporated AG SA GmbH
    """
ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
# How close a full name must be to decide who a lone surname is over the most frequent full name.
_RECENT_CHARS = 400
# How close to a person's name a role's modifier must stand ("Florida Sen. Marco Rubio").
_NEAR = 40
_MAX_ALONE_CHECKS = 300
_LOWER_NEXT = re.compile(r"(?:’s|'s)?\s+(?:also\s+|then\s+)?[a-z]+(?:ed|s)\b")
# A word after a name that makes the name its clause's subject: an -ed or -s verb form ("Rubio
# refrained", "Bush interjects"), or an auxiliary or common irregular verb ("Christie wasn't").
_ACTING = re.compile(
    rf"\s+(?:also\s+|then\s+|[a-z]+ly\s+)?(?:[a-z]+(?:ed|s)|{'|'.join(SUBJECT_VERBS.split())})(?![\w’'])"
)
# What may stand between a sentence's start and a name that is its subject: up to three words, an
# opening phrase and its comma, or a quotation closed before an inverted attribution ("“...,”
# Jeffrey Lewis wrote"); then the name's own capitalised words.
_SUBJECT_PREFIX = re.compile(
    r"(?:(?:[\w’',.-]+\s+){0,3}|[^,;:“”\"]{1,60},\s+|.*[”\"][,.!?]?\s+|.*[,.!?][”\"]\s+)(?:[A-Z][\w’'.-]*\s+){0,3}$"
)
_AGE_AFTER = re.compile(r",\s\d{1,3},\s")


@dataclass(slots=True)
class Person:
    full: str
    surname: str
    gender: str | None  # "m", "f" or None when the document does not tell
    strong: bool = False  # marked as a person by a given name or a title, not only by its surname alone
    count: int = 0
    last_seen: list[int] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


def _gender(first: str, title: str | None) -> str | None:
    if title:
        words = set(title.split())
        if words & _MALE_CUES:
            return "m"
        if words & _FEMALE_CUES:
            return "f"
    low = first.lower()
    if low in _MALE_NAMES:
        return "m"
    if low in _FEMALE_NAMES:
        return "f"
    return None


# Titles that stand only before a person ("Dr. Abe", "Sen. Quist"; not "Labor" in "Labor Statistics").
_PERSONAL_TITLES = frozenset(_ROLES_OF_TITLE) | _MALE_CUES | _FEMALE_CUES | {"Dr.", "Dr", "Prof.", "Gen."}
_WORD_IN_RUN = re.compile(r"\S+")
_ABBREVIATED = frozenset(t for t in _TITLE_SET if t.endswith("."))


def _runs(m: re.Match[str]) -> list[tuple[int, list[str]]]:
    """The run of capitalised words in `m`, cut after a full stop that ends a sentence ("Ohio. Quince")."""
    run = m.group()
    if "." not in run:
        return [(m.start(), run.split())]
    out: list[tuple[int, list[str]]] = []
    words: list[str] = []
    at = m.start()
    for w in _WORD_IN_RUN.finditer(m.group()):
        if not words:
            at = m.start() + w.start()
        words.append(w.group())
        tok = w.group()
        if tok.endswith(".") and len(tok) > 2 and tok not in _ABBREVIATED:
            out.append((at, words))
            words = []
    if words:
        out.append((at, words))
    return out


def _last_title(words: list[str]) -> int:
    """Where the last title or possessive before a name's last two words is, or -1."""
    for j in range(len(words) - 3, -1, -1):
        w = words[j]
        if w in _TITLE_SET or w.endswith(("’s", "'s", "s’", "s'")):
            return j
    return -1


def _strip_title_words(words: list[str]) -> list[str]:
    while len(words) > 1 and (words[0] in _TITLE_SET or words[0] in _NOT_NAME):
        words = words[1:]
    return words


class People:
    """Persons of one body, built lazily: the capitalised runs on first use (many bodies never need
    them), and the persons of a surname when that surname is first looked up (most are never)."""

    def __init__(self, text: str, start: int, end: int, in_quote: QuoteTest) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.in_quote = in_quote
        self._found: list[tuple[int, list[str], str | None]] | None = None
        # Indices into the found runs: of two or three words by surname, of one word by that word.
        self._names: dict[str, list[int]] = {}
        self._lone: dict[str, list[int]] = {}
        self._weak_rank: dict[str, int] | None = None
        self._persons: dict[str, list[tuple[int, Person]]] = {}  # by surname, as built so far
        self._of_entry: dict[int, Person] = {}  # the person each found run names
        self._by_role: dict[str, list[Person]] | None = None
        self.speakers: set[str] = set()  # full names quoted so far, filled in by attribution

    def _runs_found(self) -> list[tuple[int, list[str], str | None]]:
        """The runs of capitalised words that may name a person: (offset, name words, title)."""
        if self._found is not None:
            return self._found
        found: list[tuple[int, list[str], str | None]] = []
        # Runs of two or more capitalised words only: the engine skips lone capitals (sentence
        # openers, places), which are most of them.
        for m in _CANDIDATE.finditer(self.text, self.start, self.end):
            group = m.group()
            for at, run in [(m.start(), group.split())] if "." not in group else _runs(m):
                words = run
                title = []
                if len(words) >= 4 and words[0] not in _TITLE_SET and words[1] in _PERSONAL_TITLES:
                    title.append(words.pop(0))  # "Ohio Sen. Ruth Amos": a place before the title
                while words and words[0] in _TITLE_OR_NOT_NAME:
                    title.append(words.pop(0))
                if len(words) > 3 and (cut := _last_title(words)) >= 0 and 2 <= len(words) - cut - 1 <= 3:
                    # "House Majority Leader Kevin Marsh", "Fox News’ Bret Baier": the name after the title.
                    title.extend(words[: cut + 1])
                    words = words[cut + 1 :]
                if "." in group or "’s" in group or "'s" in group:  # else no word ends in "." or "’s"
                    words = [w.rstrip(".").removesuffix("’s").removesuffix("'s") if len(w) > 2 else w for w in words]
                while len(words) > 2 and words[-1].rstrip(".,") in _NAME_SUFFIXES:
                    words = words[:-1]  # "Luther Stan Pate IV", "Martin Luther King Jr.": Pate, King
                # "Certainly Donald Trump", "Republican Donald Trump": a capitalised word before a name;
                # an acronym before one names a thing ("USS George Washington", a ship).
                if len(words) >= 3 and _gender(words[1], None) and not _gender(words[0], None):
                    if words[0].isupper():
                        continue
                    words = words[1:]
                if words and words[0][1:2].islower():
                    found.append((at, words, " ".join(title) or None))
        for i, (_, name, titled) in enumerate(found):
            if 2 <= len(name) <= 3 and not ORG_WORDS.intersection(name):
                self._names.setdefault(name[-1], []).append(i)
            elif len(name) == 1 and titled and titled.split()[-1] in _PERSONAL_TITLES and name[0] not in ORG_WORDS:
                self._lone.setdefault(name[0], []).append(i)
        self._found = found
        return found

    def _may_check_alone(self, surname: str) -> bool:
        """Is `surname` among the first _MAX_ALONE_CHECKS surnames, in order of their first run
        with no title or known given name, whose standing alone is checked?"""
        if len(self._names) < _MAX_ALONE_CHECKS:
            return True
        if self._weak_rank is None:
            rank: dict[str, int] = {}
            for _, words, title in self._runs_found():
                named = 2 <= len(words) <= 3 and not ORG_WORDS.intersection(words)
                if named and not (title or _gender(words[0], title)) and words[-1] not in rank:
                    rank[words[-1]] = len(rank)
            self._weak_rank = rank
        return self._weak_rank.get(surname, _MAX_ALONE_CHECKS) < _MAX_ALONE_CHECKS

    def entries(self, surname: str) -> list[tuple[int, Person]]:
        """The persons with this surname (by where each is first named), built on first look-up.

        A run of two or three words names a person when a title or a given name marks it, or when
        its surname stands alone somewhere in the body; a titled lone surname ("Mr. Abe") is a
        person too, with the gender of its honorific, unless a longer name has that surname.
        """
        if (done := self._persons.get(surname)) is not None:
            return done
        found = self._runs_found()
        people: list[tuple[int, Person]] = []
        known: dict[str, Person] = {}
        alone: bool | None = None
        for i in self._names.get(surname, ()):
            at, words, title = found[i]
            gender = _gender(words[0], title)
            strong = bool(title or gender) or self._aged(at, words[-1])
            if not strong:
                if alone is None:
                    # Each check scans the body: bounded, so that a body of endless distinct
                    # capitalised pairs stays linear.
                    alone = self._may_check_alone(surname) and self._stands_alone(surname)
                if not alone:
                    continue
            full = " ".join(words)
            person = known.get(full)
            if person is None:
                person = known[full] = Person(full, surname, gender)
                people.append((at, person))
            person.gender = person.gender or gender
            person.strong = person.strong or strong
            person.count += 1
            person.last_seen.append(at)
            self._of_entry[i] = person
        if not people and (lone := self._lone.get(surname)):
            at, words, title = found[lone[0]]
            person = Person(surname, surname, _gender("", title), True, 1, [at])
            people.append((at, person))
            self._of_entry[lone[0]] = person
        self._persons[surname] = people
        return people

    def _roles(self) -> dict[str, list[Person]]:
        """The titled persons of each role noun, in the order their titles first give them the role
        (the runs of names first, then the titled lone surnames): every surname is built."""
        if self._by_role is not None:
            return self._by_role
        found = self._runs_found()
        by_role: dict[str, list[Person]] = {}
        for surname in [*self._names, *self._lone]:
            self.entries(surname)
        lone = {ids[0] for ids in self._lone.values()}
        for i in [*(i for i in range(len(found)) if i not in lone), *sorted(lone)]:
            person, title = self._of_entry.get(i), found[i][2]
            if person is None or title is None:
                continue
            for t in title.split():
                for role in _ROLES_OF_TITLE.get(t, ()):
                    if role not in person.roles:
                        person.roles.add(role)
                        by_role.setdefault(role, []).append(person)
        self._by_role = by_role
        return by_role

    def _aged(self, at: int, surname: str) -> bool:
        """Is the run at `at` followed by an age ("Dewayne Smithy, 33, of Baldwin")? Only people
        have one, whatever their given name."""
        end = self.text.find(surname, at, self.end) + len(surname)
        return _AGE_AFTER.match(self.text, end, self.end) is not None

    def _stands_alone(self, surname: str) -> bool:
        """Does the body use `surname` by itself somewhere (not as the end of a longer name)?"""
        text, i = self.text, self.text.find(surname, self.start, self.end)
        n = len(surname)
        while i >= 0:
            before = text[i - 1 : i]
            after = text[i + n : i + n + 1]
            if not (before.isalnum() or after.isalnum()) and not _CAPITAL_BEFORE.search(text, max(0, i - 30), i):
                return True
            i = text.find(surname, i + n, self.end)
        return False

    def person(self, name: str, pos: int) -> Person | None:
        """The person `name` ("Powell", "Jerome Powell", "Mr. Cruz") refers to at `pos`."""
        words = _strip_title_words(name.split())
        if not words:
            return None
        entries = self.entries(words[-1])
        if not entries:
            return None
        if len(words) > 1:
            full = " ".join(words)
            for _, p in entries:
                if p.full == full or p.full.endswith(" " + full) or full.endswith(p.full):
                    return p
            return None
        # A lone surname: of the names the document marks as a person's (a given name or a title),
        # the one given last before it, else the first after; without such a name the most frequent.
        strong = [p for _, p in entries if p.strong]
        if not strong:
            return max((p for _, p in entries), key=lambda p: p.count)
        # Named in full just before: that one ("Jane Sanders ... Sanders said"); else the one the
        # document names most often ("Bernie Sanders"), not whoever was mentioned last in passing.
        before = [(max(a for a in p.last_seen if a <= pos), p) for p in strong if p.last_seen[0] <= pos]
        if before and (latest := max(before, key=lambda x: x[0]))[0] >= pos - _RECENT_CHARS:
            return latest[1]
        return max(strong, key=lambda p: p.count)

    def canonical(self, name: str, pos: int) -> str:
        """The fullest name the document gives the person `name`, or `name` itself."""
        p = self.person(name, pos)
        if p is None:
            return name
        words = name.split()
        return p.full if len(p.full.split()) >= len(_strip_title_words(words)) else name

    def by_role(self, role: str, pos: int, near: str | None = None) -> Person | None:
        """The titled person a role noun ("the senator") stands for: the last one named before `pos`.

        With `near` ("Florida" of "the Florida senator") only a person named within a few words of
        that word qualifies.
        """
        best: tuple[int, Person] | None = None
        for p in self._roles().get(role, ()):
            i = bisect_right(p.last_seen, pos)
            if not i or (best is not None and p.last_seen[i - 1] <= best[0]):
                continue
            if near is None or any(near in self.text[max(0, a - _NEAR) : a + _NEAR] for a in p.last_seen[:i][-5:]):
                best = (p.last_seen[i - 1], p)
        return best[1] if best else None

    def gender_of(self, name: str, pos: int) -> str | None:
        p = self.person(name, pos)
        return p.gender if p else None

    def mentions(self, lo: int, hi: int) -> list[tuple[int, Person]]:
        """People named in text[lo:hi] outside quotations, in order.

        Only people the document marks as such (a given name, a title) or has quoted count: a name
        known only from its last word standing alone may be a place ("South Carolina").
        """
        if not self._runs_found():
            return []
        out = []
        # Every capitalised word of the window, looked up: no pattern of all the names, whose
        # size (and cost per character) grows with the document.
        for m in _CAP_WORD.finditer(self.text, lo, hi):
            word = m.group().removesuffix("’s").removesuffix("'s")
            if not self.entries(word) or self.in_quote(m.start()):
                continue
            p = self.person(word, m.start())
            if p is not None and (p.strong or p.full in self.speakers or self._acts(m, lo)):
                out.append((m.start(), p))
        return out

    def _acts(self, m: re.Match[str], sentence_start: int) -> bool:
        """Is the name the subject of a verb that opens its sentence ("Calderon intimated ...")?

        A name the document never marks as a person's is one when it acts; places rarely do.
        """
        return m.start() == sentence_start and _LOWER_NEXT.match(self.text, m.end()) is not None

    def acts_at(self, at: int) -> bool:
        """Is the name word at `at` followed by a verb, wherever it stands ("..., but Christie wasn't")?"""
        m = _CAP_WORD.match(self.text, at)
        return m is not None and _ACTING.match(self.text, m.end()) is not None

    def is_subject(self, at: int, sentence_start: int) -> bool:
        """Is a mention at `at` the subject that opens its sentence (a few words in at most)?"""
        return _SUBJECT_PREFIX.fullmatch(self.text, sentence_start, at) is not None


class QuoteTest:
    """Is an offset inside a quotation? Spans are sorted and disjoint."""

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self.starts = starts
        self.ends = ends

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def end_before(self, pos: int) -> int:
        """End of the last quotation closing at or before `pos` (-1 when none)."""
        i = bisect_right(self.ends, pos) - 1
        return self.ends[i] if i >= 0 else -1
