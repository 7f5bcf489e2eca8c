"""Error classes 3 and 5: rates keep their denominator (per_unit); the size of a stated change has a
direction; the levels a change starts or ends at are two figures with endpoint from / to."""

from __future__ import annotations

import pytest
from cases import cases
from figure_expect import figure_written

from newsfacts.figures import extract_figures


def fields(text: str) -> list[tuple]:
    return [(f.raw_text, f.value, f.unit, f.per_unit, f.direction, f.endpoint) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "raw", "per_unit"),
    cases("""
        text                               | raw        | per_unit
        Brent traded at $81.10 per barrel. | $81.10     | barrel
        It earned 52 cents a share.        | 52 cents   | share
        Members pay RM45 a month.          | RM45       | month
        # unit names become their symbol
        Gold fetched $75 a gram.           | $75        | g
        Wheat sold for $250 per tonne.     | $250       | t
        Tolls are $2.50 per vehicle.       | $2.50      | vehicle
        Power costs 30p per kilowatt-hour. | 30p        | kWh
        The plan costs $4 billion a year.  | $4 billion | year
        # the denominator after what is counted or measured
        The mill turns out 90,000 trucks a year.       | 90,000         | year
        Clinics saw 1,400 patients per week.           | 1,400          | week
        The port handles 80,000 tonnes of grain a day. | 80,000 tonnes  | day
        The state issues $3bn of bonds each month.     | $3bn           | month
        The line moves 4 million cubic feet of gas per day. | 4 million cubic feet | day
        # a period adverb after a count or an amount; a currency named as the denominator
        Payrolls grew by 210,000 jobs monthly.         | 210,000        | month
        The fund pays out $3bn annually.               | $3bn           | year
        The euro fetched 158.2 yen per euro.           | 158.2 yen      | EUR
        The hatchback does 55 miles to the gallon.     | 55 miles       | gallon
        # an adjective before the share, and area or volume after a slash
        It earned $1.03 per diluted share.             | $1.03          | share
        Offices let for $45/m2 a year.                 | $45            | m**2
        Levels hit 30 µg/m3 in May.                    | 30 µg          | m**3
        # a currency or a capitalised noun as the denominator
        It sank to 5.10 reais per US dollar.           | 5.10 reais     | USD
        The payout was 12 Australian cents per CUFS.   | 12 Australian cents | cufs
        # markets shorthand after a slash
        Crude opened at $71/b on Monday.               | $71            | barrel
        Copper traded near $9,100/t.                   | $9,100         | t
        # the currency restated after the amount, before the denominator
        WTI settled at $74 U.S. a barrel.              | $74            | barrel
        Diesel hit $4.10 US per gallon.                | $4.10          | gallon
        # a time word after a denominator that is no span of time leaves the rate whole
        The consensus was 41 cents a share before charges.  | 41 cents  | share
        Diesel cost $3.90 a gallon earlier in the week.     | $3.90     | gallon
        The stock paid 15p per share after the split.       | 15p       | share
        # a count stated as an annual rate, the phrase after it or before it
        Existing-home sales slowed to a 3.9 million annual rate.  | 3.9 million | year
        Builders broke ground at an annualized rate of 1.31 million homes. | 1.31 million | year
        # a share named by its company, "ordinary" or "common" allowed before it
        Rivals offered $61 per Acme share in cash.          | $61       | share
        The bid values each at 940p per Harbour ordinary share. | 940p  | share
        # an adjective before the denominator is not the denominator
        The hatch covers 240 km per full charge.            | 240 km    | charge
    """),
)
def test_rates(text: str, raw: str, per_unit: str) -> None:
    figure_written(text, raw, per_unit=per_unit)


@pytest.mark.parametrize(
    "text",
    [
        "It paid $5 billion a decade ago.",
        "Prices rose 3% a few weeks later.",
        "It sold 40 shares.",
        # a time after the amount, not a denominator
        "That compares with a loss of eight cents a year ago.",
        "The firm had 300 workers a month earlier.",
        "It shed 2 tonnes of stock a week before the audit.",
        "The index slid 0.3% a day after its record.",
        "The loss narrowed from nine cents a quarter before.",
        # a growth rate stated as annual, and an annual rate of no count
        "Output grew at a 2.4% annual rate.",
        "It had 300 staff and a rising annual rate of turnover.",
        # a name before a noun that is no share
        "Fans paid $20 a Wembley ticket.",
        # what happens every year, and a growth rate, are no denominators
        "The farm can supply 900 homes each year.",
        "Sales grew 4% annually.",
        "It sold for $5/c and more.",
        # a share of a whole, not a rate
        "Half of 40 members voted a day late.",
        # a restated currency with no denominator after it
        "Brent ended at $75 U.S. on Friday.",
    ],
)
def test_no_rate(text: str) -> None:
    assert all(f.per_unit is None for f in extract_figures(text))


@pytest.mark.parametrize(
    ("text", "raw", "direction"),
    cases("""
        text                                                            | raw                     | direction
        Prices rose 0.3% in May.                                        | 0.3%                    | up
        The bank cut rates by half a percentage point.                  | half a percentage point | down
        The index fell 816.80 points.                                   | 816.80 points           | down
        Shares were up 4% at noon.                                      | 4%                      | up
        The stock closed down 68p.                                      | 68p                     | down
        Revenue jumped by about $2 billion.                             | $2 billion              | up
        Output slipped a further 1.5%.                                  | 1.5%                    | down
        The yield ended 12 basis points higher.                         | 12 basis points         | up
        The Fed lifted its main rate by a hefty 0.75 percentage points. | 0.75 percentage points  | up
        Turnover came in lower, a decrease of 4.1% on the year.         | 4.1%                    | down
        Orders posted an increase of 7,500 units.                       | 7,500                   | up
        Bookings showed a year-on-year decline of 3%.                   | 3%                      | down
        The group reported a 6% rise in net sales.                      | 6%                      | up
        The regulator ordered a 12% cut in tariffs.                     | 12%                     | down
        Members backed a $2 hike in monthly dues.                       | $2                      | up
        Forecasters now see a 0.4% contraction this year.               | 0.4%                    | down
        The drug showed a reduction of nearly 30% in relapses.          | 30%                     | down
        The pill cut the risk of a second stroke by 30%.                | 30%                     | down
        The bank lifted its rate by a quarter of a percentage point.    | a quarter of a percentage point | up
        Wage growth slowed by 0.3 percentage points.                    | 0.3 percentage points   | down
        Core inflation cooled 0.2% on the month.                        | 0.2%                    | down
    """),
)
def test_direction_of_a_change(text: str, raw: str, direction: str) -> None:
    figure_written(text, raw, direction=direction)


@pytest.mark.parametrize(
    "text",
    [
        "Inflation is 3.1%.",
        "The firm has 400 staff.",
        "It costs $5.",
        # a money gain or loss is a result, not the size of a change
        "The insurer booked a $4 billion loss.",
        "The sale brought a gain of $90 million.",
    ],
)
def test_levels_have_no_direction(text: str) -> None:
    assert all(f.direction is None and f.endpoint is None for f in extract_figures(text))


def test_from_to_is_two_figures() -> None:
    assert fields("The rate went from 24% to 15% last year.") == [
        ("24%", 24, "percent", None, None, "from"),
        ("15%", 15, "percent", None, None, "to"),
    ]


def test_from_to_money() -> None:
    assert [(r, v, e) for r, v, _, _, _, e in fields("Bitcoin dropped from $36,040 to $34,935.")] == [
        ("$36,040", 36040, "from"),
        ("$34,935", 34935, "to"),
    ]


def test_change_and_level() -> None:
    assert [(r, d, e) for r, _, _, _, d, e in fields("Sales rose 27% to $254 million.")] == [
        ("27%", "up", None),
        ("$254 million", None, "to"),
    ]


def test_range_from_to_is_a_range() -> None:
    (f,) = extract_figures("Batteries range from 4,000mAh to 6,000mAh.")
    assert (f.qualifier, f.value_low, f.value_high, f.unit, f.endpoint) == ("range", 4000, 6000, "mAh", None)


def test_up_then_level() -> None:
    # "up 3 cents at $4.10" states the level reached as "up 2 cents to $1.30" does
    figures = extract_figures("Copper ended up 3 cents at $4.10, and zinc was up 2 cents to $1.30.")
    assert [(f.raw_text, f.direction, f.endpoint) for f in figures] == [
        ("3 cents", "up", None),
        ("$4.10", None, "to"),
        ("2 cents", "up", None),
        ("$1.30", None, "to"),
    ]


def test_change_by_then_level() -> None:
    figures = extract_figures("Members cut output in May by 800,000 bpd to 21.9 million bpd.")
    assert [(f.raw_text, f.direction, f.endpoint) for f in figures] == [
        ("800,000 bpd", "down", None),
        ("21.9 million bpd", None, "to"),
    ]


def test_a_range_stays_a_range() -> None:
    (f,) = extract_figures("Analysts expect 5% to 7% growth.")
    assert (f.qualifier, f.value_low, f.value_high, f.endpoint) == ("range", 5, 7, None)


def test_ceiling_is_not_an_endpoint() -> None:
    (f,) = extract_figures("Shares were rising up to 5% in early trade.")
    assert (f.qualifier, f.endpoint) == ("at_most", None)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    cases("""
        text                                  | raw                       | value: number
        The Fed moved by a quarter point.     | a quarter point           | 0.25
        A cut of half a point is priced in.   | half a point              | 0.5
        Rates fell half a percentage point.   | half a percentage point   | 0.5
        The bank hiked by 50 basis points.    | 50 basis points           | 0.5
        Spreads widened 15bps.                | 15bps                     | 0.15
        Rates rose three-quarters of a point. | three-quarters of a point | 0.75
    """),
)
def test_points_of_rates(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="percent", unit="percentage_point", value=pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the size of a change, or the level it reached, with no noun: a count
        ("Payrolls grew by 175,000 last month.", [("175,000", "count", 175000)]),
        ("It was revised to 204,000 from 189,000.", [("204,000", "count", 2.04e5), ("189,000", "count", 1.89e5)]),
        ("It follows a 98,000 gain in May.", [("98,000", "count", 98000)]),
        ("They got 312,000 claims instead of 298,000.", [("312,000", "count", 3.12e5), ("298,000", "count", 2.98e5)]),
        # in a sentence about an index: index points
        ("The DAX index added 88.40 to 15,902.11.", [("88.40", "quantity", 88.4), ("15,902.11", "quantity", 15902.11)]),
        ("The Nikkei ended at 38,410.", [("38,410", "quantity", 38410)]),
        ("The index closed at 38,500.", [("38,500", "quantity", 38500)]),
        ("A services PMI fell to 48.3 in March.", [("48.3", "quantity", 48.3)]),
        # a decimal after a change verb with no index named is no figure; nor is a bare number without a change
        ("Rates were cut to 1.5 by the board.", []),
        ("The panel sat in room 40.", []),
        # how often it happened is a count of events (GUIDE: "raised rates 11 times" -> count 11)
        ("The panel met 40 times.", [("40", "count", 40)]),
        ("Hardiness zones here run from 7 to 10.", []),
    ],
)
def test_bare_sizes_and_levels_of_a_change(text: str, expected: list[tuple]) -> None:
    assert [(f.raw_text, f.kind, f.value) for f in extract_figures(text) if f.kind != "percent"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a scaled number with no noun takes the unit of the amount before it in the clause
        (
            "The crop is seen at 4.1 billion bushels, up 230 million on last year.",
            [("4.1 billion bushels", "bushel"), ("230 million", "bushel")],
        ),
        ("The fund raised $4bn, some 500 million more than planned.", [("$4bn", "USD"), ("500 million", "USD")]),
        # not across a sentence, and not onto a counted noun
        ("The fund raised $4bn. 500 million people watched.", [("$4bn", "USD"), ("500 million", "count")]),
        ("It raised $4bn and 2 million investors joined.", [("$4bn", "USD"), ("2 million", "count")]),
    ],
)
def test_a_scaled_number_carries_the_unit_before_it(text: str, expected: list[tuple]) -> None:
    assert [(f.raw_text, f.unit) for f in extract_figures(text)] == expected


def test_the_level_after_a_change_in_points_of_a_rate_is_a_percent() -> None:
    figures = extract_figures("The bank cut its main rate by half a point to 3.75.")
    assert [(f.raw_text, f.unit) for f in figures] == [("half a point", "percentage_point"), ("3.75", "percent")]


def test_a_level_after_close_keeps_its_endpoint() -> None:
    figures = extract_figures("The Dow lost 12.5 points and closed at 39,110.2.")
    assert [(f.raw_text, f.direction, f.endpoint) for f in figures] == [
        ("12.5 points", "down", None),
        ("39,110.2", None, "to"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # more verbs of London and Asian market reports state the size of a change and its end
        (
            "Shares in the miner weakened 4.5p to 310p.",
            [("4.5p", 0.045, "GBP", None, "down", None), ("310p", 3.1, "GBP", None, None, "to")],
        ),
        (
            "The lender's stock softened 12p to 98p.",
            [("12p", 0.12, "GBP", None, "down", None), ("98p", 0.98, "GBP", None, None, "to")],
        ),
        (
            "The carrier strengthened 3% to $41.",
            [("3%", 3, "percent", None, "up", None), ("$41", 41, "USD", None, None, "to")],
        ),
        # a change restated after "or", then its end: no range of the last two
        (
            "The brewer faded 1% or 6p to 512p.",
            [
                ("1%", 1, "percent", None, "down", None),
                ("6p", 0.06, "GBP", None, "down", None),
                ("512p", 5.12, "GBP", None, None, "to"),
            ],
        ),
        # a comparative after the points says the direction, and the level after "at" follows
        (
            "The index ended 33.5 points lighter at 7,120.4.",
            [("33.5 points", 33.5, "point", None, "down", None), ("7,120.4", 7120.4, "point", None, None, "to")],
        ),
        # a change in cents and its end in dollars are two figures, never one range
        (
            "Copper recovered 45 cents to $4.12 a pound.",
            [("45 cents", 0.45, "USD", None, "up", None), ("$4.12", 4.12, "USD", "lb", None, "to")],
        ),
        (
            "The index descended 212.4 points, or 0.9%, to 23,405.1.",
            [
                ("212.4 points", 212.4, "point", None, "down", None),
                ("0.9%", 0.9, "percent", None, "down", None),
                ("23,405.1", 23405.1, "point", None, None, "to"),
            ],
        ),
        # a hedge between the verb and the change keeps the restated change's direction
        (
            "Stocks slid approximately 2%, or 40 points.",
            [("2%", 2, "percent", None, "down", None), ("40 points", 40, "point", None, "down", None)],
        ),
        # the level after a spelled size of a change, far from the verb
        (
            "The bank raised its main policy rate by a quarter of a percentage point to 4.75%.",
            [
                ("a quarter of a percentage point", 0.25, "percentage_point", None, "up", None),
                ("4.75%", 4.75, "percent", None, None, "to"),
            ],
        ),
        # the level after a size of a change stated with "by": no direction of its own
        (
            "The jobless count fell by 25,000 to 1.4 million.",
            [("25,000", 25000, "count", None, "down", None), ("1.4 million", 1.4e6, "count", None, None, "to")],
        ),
        # a verb of multiplication moves the count named after it
        ("Plans are to double the number of branches to 380.", [("380", 380, "count", None, None, "to")]),
        # a counted subject brought to a level
        ("Rescuers found more bodies, bringing the toll to 61.", [("61", 61, "count", None, None, "to")]),
        # a bare size of a rate's move, then the level in percent: percentage points, and no range
        (
            "The participation rate rose 0.2 to 62.4%.",
            [("0.2", 0.2, "percentage_point", None, "up", None), ("62.4%", 62.4, "percent", None, None, "to")],
        ),
        ("Output rose 2 to 4 percent.", [("2 to 4 percent", None, "percent", None, "up", None)]),
        # a "+" glued to a figure states a gain; signed levels of a revision keep their endpoints
        ("Hiring rose in retail (+31,000 jobs) in May.", [("31,000", 31000, "count", None, "up", None)]),
        (
            "July was revised from +1,205,000 to +1,188,000.",
            [("1,205,000", 1205000, "count", None, None, "from"), ("1,188,000", 1188000, "count", None, None, "to")],
        ),
        # the low and the high of a spread are no levels of a move
        (
            "Estimates ranged from a low of 2.1% to a high of 3.4%.",
            [("2.1%", 2.1, "percent", None, None, None), ("3.4%", 3.4, "percent", None, None, None)],
        ),
        # "at" after a move and its size: the level the move reached
        (
            "Gold was up 0.8% at $2,410 an ounce.",
            [("0.8%", 0.8, "percent", None, "up", None), ("$2,410", 2410, "USD", "oz", None, "to")],
        ),
        (
            "Shares finished down 14p at 386p.",
            [("14p", 0.14, "GBP", None, "down", None), ("386p", 3.86, "GBP", None, None, "to")],
        ),
        # a count after "at" is where the move happened, not its level
        (
            "Sales rose 4% at 300 outlets.",
            [("4%", 4, "percent", None, "up", None), ("300", 300, "count", None, None, None)],
        ),
        # "up to X from Y": the level a change reached, not a ceiling
        (
            "The rate edged up to 4.3% from 4.1%.",
            [("4.3%", 4.3, "percent", None, None, "to"), ("4.1%", 4.1, "percent", None, None, "from")],
        ),
    ],
)
def test_more_wordings_of_a_change_and_its_end(text: str, expected: list[tuple]) -> None:
    assert fields(text) == expected


def test_a_range_without_a_change_stays_a_range() -> None:
    (f,) = extract_figures("Tickets ranged from 40p to 75p.")
    assert (f.qualifier, f.value_low, f.value_high, f.unit) == ("range", 0.4, 0.75, "GBP")


@pytest.mark.parametrize(
    ("text", "per_unit"),
    [
        # "after" that follows a denominator of things opens the next clause: the rate stands
        ("Diesel hovered near $3.60 per gallon after a brief dip.", "gallon"),
        ("The miner sold at $2,100 an ounce after the rally.", "oz"),
        # after a span of time, "after" dates the amount: no rate
        ("The dividend was 5 cents a year after the merger.", None),
    ],
)
def test_after_a_denominator(text: str, per_unit: str | None) -> None:
    (f,) = [f for f in extract_figures(text) if f.kind == "money"]
    assert f.per_unit == per_unit


@pytest.mark.parametrize(
    ("text", "value", "per_unit"),
    [
        # a bare number after a verb of output, with a period after it, counts the units made
        ("The carmaker plans to build 35,000 a year in Ohio.", 35000, "year"),
        ("The yard delivers 12 a month.", 12, "month"),
        ("The bakery sells 900 per day at Easter.", 900, "day"),
    ],
)
def test_output_per_period_is_a_counted_rate(text: str, value: float, per_unit: str) -> None:
    (f,) = extract_figures(text)
    assert (f.kind, f.value, f.per_unit) == ("count", value, per_unit)


@pytest.mark.parametrize(
    "text",
    [
        # no verb of output (a salary), or no period after the number
        "She earns 48,000 a year as a nurse.",
        "They sold 300 last year.",
    ],
)
def test_no_output_count_without_its_verb_and_period(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "count"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedge between "by" and the size of a change: still a change and the level it ends at
        ("The group will trim supply by nearly 300 kb/d to 9.8 mb/d.", [(300e3, "down", None), (9.8e6, None, "to")]),
        ("Prices were cut by about 4% to 2.6%.", [(4, "down", None), (2.6, None, "to")]),
    ],
)
def test_a_hedged_change_by_then_its_level(text: str, expected: list[tuple]) -> None:
    assert [(f.value, f.direction, f.endpoint) for f in extract_figures(text)] == expected


def test_a_hedged_range_with_no_by_stays_a_range() -> None:
    (f,) = extract_figures("Repairs will cost about $5 million to $7 million.")
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 5e6, 7e6)


@pytest.mark.xfail(
    strict=True, reason="'by X% to Y%' with one unit is read as a change and its level, never as a range"
)
def test_known_gap_a_range_as_the_size_of_a_change() -> None:
    (f,) = extract_figures("Capacity is set to grow by 15% to 20%.")
    assert (f.qualifier, f.value_low, f.value_high) == ("range", 15, 20)
