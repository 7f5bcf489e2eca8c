"""Error class 1: physical and technical units are kind `quantity`, with a canonical unit symbol that
pint understands and the contract's dimension; ages are durations."""

from __future__ import annotations

import pint
import pytest
from cases import cases
from figure_expect import figure_written, only_figure

from newsfacts.figures import extract_figures
from newsfacts.figures.units import DIMENSION_OF
from newsfacts.vocabulary import DIMENSIONS


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "dimension"),
    cases("""
        text                                           | raw                | value: number | unit       | dimension
        She finished a 1,500-metre race in the rain.   | 1,500-metre        | 1500          | m          | length
        The coupe makes 310 pound-feet of torque.      | 310 pound-feet     | 310           | lbf*ft     | torque
        The engine peaks at 6,500 rpm.                 | 6,500 rpm          | 6500          | rpm        | frequency
        Output rose to 720,000 barrels per day. | 720,000 barrels per day | 720000 | barrel/day | flow
        The field pumps 90,000 bpd.                    | 90,000 bpd         | 90000         | barrel/day | flow
        It ships with a 6.1-inch display.              | 6.1-inch           | 6.1           | inch       | length
        The base model has 128GB of storage.           | 128GB              | 128           | GB         | data
        A 400 MW solar farm was approved.              | 400 MW             | 400           | MW         | power
        Households used 3,100 kWh last year.           | 3,100 kWh          | 3100          | kWh        | energy
        Temperatures hit 41°C in the city.             | 41°C               | 41            | degC       | temperature
        Gusts reached 130 km/h overnight.              | 130 km/h           | 130           | km/h       | speed
        The storm moved 25 miles inland.               | 25 miles           | 25            | mile       | length
        The mill produced 2.4 million tonnes of steel. | 2.4 million tonnes | 2.4e6         | t          | mass
        A three-ton payload reached orbit.             | three-ton          | 3             | ton        | mass
        The reservoir holds 40 billion litres.         | 40 billion litres  | 40e9          | l          | volume
        Crews cleared 12 hectares of forest.           | 12 hectares        | 12            | hectare    | area
        The chip is built on a 3nm process.            | 3nm                | 3             | nm         | length
        It ships with a 45W charger.                   | 45W                | 45            | W          | power
        Temperatures of 34C are forecast.              | 34C                | 34            | degC       | temperature
        Tanks hold 2.5m barrels.                       | 2.5m barrels       | 2.5e6         | barrel     | volume
        # "m" with a dimension adjective
        The striker is 1.9m tall.                      | 1.9m               | 1.9           | m          | length
        A 40m-long ferry sank.                         | 40m                | 40            | m          | length
        The handset weighs 187g.                       | 187g               | 187           | g          | mass
        Exports reached 400,000 barrels daily. | 400,000 barrels daily | 400000 | barrel/day | flow
        # a symbol of two letters or more after a hyphen
        A storm with 140-mph gusts hit.                | 140-mph            | 140           | mph        | speed
        Runners lined up for the 10-km loop.           | 10-km              | 10            | km         | length
        # a unit as the counted noun, after a modifier
        Output fell to 640,000 oil barrels.            | 640,000 oil barrels | 640000       | barrel     | volume
        He averages 71.4 rushing yards a game.         | 71.4 rushing yards | 71.4          | yard       | length
        The wheat crop came to 1.8 billion bushels.    | 1.8 billion bushels | 1.8e9        | bushel     | volume
        # micro written with the micro sign or with the Greek letter mu
        Each shot holds 50 µg of antigen.              | 50 µg              | 50            | ug         | mass
        Each shot holds 50 μg of antigen.              | 50 μg              | 50            | ug         | mass
        Filters stop fibres thinner than 3 μm.         | 3 μm               | 3             | um         | length
        # glued forms and compound denominators
        It has a 13.3in display.                       | 13.3in             | 13.3          | inch       | length
        The tablet weighs 1.1Kg.                       | 1.1Kg              | 1.1           | kg         | mass
        The engine makes 7.6 million pounds of thrust. | 7.6 million pounds of thrust | 7.6e6 | lbf   | force
        # a capital scale letter apart from the number, before a unit
        Output rose to 27.4 M barrels/day in May.      | 27.4 M barrels     | 27.4e6        | barrel/day | flow
        # gas volumes with the scale in the symbol; a bare "cm" stays centimetres
        The country imported 38 bcm of gas.             | 38 bcm             | 38e9          | m**3       | volume
        Proven reserves stand at 11.5 tcf.             | 11.5 tcf           | 11.5e12       | ft**3      | volume
        The terminal sent out 24 mcm on Monday.        | 24 mcm             | 24e6          | m**3       | volume
        Drillers pumped 102 Bcf/d last week.           | 102 Bcf            | 102e9         | ft**3      | volume
        The crack was 4 cm long.                       | 4 cm               | 4             | cm         | length
        # a quake's magnitude: before, after, on a named scale, or a one-decimal number before a quake noun
        A magnitude 6.1 quake struck at dawn.          | 6.1                | 6.1           | magnitude  | magnitude
        A 7.3-magnitude earthquake hit Chile.          | 7.3-magnitude      | 7.3           | magnitude  | magnitude
        It rated 8.2 on the Richter scale.  | 8.2 on the Richter scale | 8.2  | magnitude  | magnitude
        A 4.8 aftershock followed at noon.             | 4.8                | 4.8           | magnitude  | magnitude
        # pressure
        Pressure in the eye fell to 921 millibars.     | 921 millibars      | 921           | mbar       | pressure
        The tyres run at 32 psi.                       | 32 psi             | 32            | psi        | pressure
        # a spelled "one" before a unit is a measure ("one day" stays an idiom)
        A one-megawatt turbine was installed.          | one-megawatt       | 1             | MW         | power
        They walked half a mile.                       | half a mile        | 0.5           | mile       | length
        # megapixels: glued or spelled
        The phone has a 50MP main camera.              | 50MP               | 50            | megapixel  | resolution
        It adds a 12-megapixel selfie lens.            | 12-megapixel       | 12            | megapixel  | resolution
    """),
)
def test_quantities(text: str, raw: str, value: float, unit: str, dimension: str) -> None:
    only_figure(text, of_kind="quantity", raw_text=raw, unit=unit, dimension=dimension, value=pytest.approx(value))


@pytest.mark.parametrize(
    "text",
    cases("""
        text
        # "m" is also million: never a bare unit symbol
        He ran 5m and then 10k before lunch.
        # "pm" is a time of day, not picometres
        Doors open at 7pm.
        # "in" is a preposition
        There were 2 in the car.
        # a name
        Support for 5G networks grew.
        # a plan's name, not index points
        A 10-point plan was unveiled.
        # a lone letter apart from the number is no unit
        Give it 5 W and move on.
        # a glued letter after a label is a name
        Take Route 9C north.
        # a one-letter symbol after a hyphen is a name; "MP" apart from the number is a member of parliament
        The firm filed its 10-K late.
        The 12 MP rebels voted against.
        # "the magnitude of" a count, and a number too large for a magnitude
        The magnitude of 5 errors surprised them.
        A magnitude 640 rally.
        # a plus between two numbers joins them, it bounds neither
        He said 2+2 is four.
        # a spaced scale letter with no temperature in sight, and a bare "degrees" whose scale is unknown
        Pupils of Year 5 C sat the test.
        Seattle hit 96 degrees on Friday.
        He turned the wheel 90 degrees.
        # a glued F names a temperature only where temperatures are spoken of: a floor, a model
        Meet in the 2F lounge.
        The 747F freighter landed.
    """),
)
def test_not_quantities(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


def test_index_points_and_level() -> None:
    points, level = extract_figures("The Dow fell 816.80 points to 41,860.44 on Friday.")
    assert (points.kind, points.value, points.unit, points.dimension, points.direction) == (
        "quantity", 816.8, "point", "index_points", "down",
    )  # fmt: skip
    assert (level.kind, level.value, level.unit, level.endpoint) == ("quantity", 41860.44, "point", "to")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a whole-number level after a change in points is the index's level, not a count
        ("Mumbai's Sensex was down 212 points, or 0.3%, to 61,840.", 61840),
        ("The index shed 35 points to 7,412 at the close.", 7412),
        # more verbs of market wraps, and a restatement written without its space
        ("The Taiex skidded 88.4 points, or 0.5 percent, to 17,201.3.", 17201.3),
        ("The CAC 40 rebounded 41 points,or 0.6%, to finish at 7,310.", 7310),
    ],
)
def test_level_after_a_change_in_points(text: str, level: float) -> None:
    (f,) = [f for f in extract_figures(text) if f.endpoint == "to"]
    assert (f.kind, f.value, f.unit) == ("quantity", level, "point")


@pytest.mark.parametrize(
    "text",
    [
        # without a change in points before it, a number after "to" keeps what it counts
        "The chain added 12 points, or 3%, to 1,200 members.",
        "Employment rose 2.1% to 1,200 in the town.",
        # a score after points, with no index in the clause
        "The guard scored 31 points to 18 for his marker.",
    ],
)
def test_no_level_without_points(text: str) -> None:
    assert [f for f in extract_figures(text) if f.endpoint == "to" and f.unit == "point"] == []


def test_change_restated_as_percent_keeps_direction_and_level() -> None:
    figures = extract_figures("The index lost 61.5 points, or 1.2 per cent, to 5,061.8.")
    assert [(f.raw_text, f.unit, f.direction, f.endpoint) for f in figures] == [
        ("61.5 points", "point", "down", None),
        ("1.2 per cent", "percent", "down", None),
        ("5,061.8", "point", None, "to"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "level"),
    [
        # a round level named as a mark, a threshold or a barrier, in a clause that names an index
        ("The Nasdaq closed just shy of the 18,000 mark.", "18,000", 18000),
        ("Traders watched the S&P 500 test the 5,000 barrier again.", "5,000", 5000),
        ("The manufacturing index stayed above the 50 threshold.", "50", 50),
        # an extreme or a reading of an index, after "of"
        ("The Kospi eased from its session high of 2,611.40 by noon.", "2,611.40", 2611.4),
        ("The services index showed a reading of 48.7 in June.", "48.7", 48.7),
        # the level after a change in points whose direction is not stated
        ("The Index posted a move of 14.2 points to 3,101.8 on the day.", "3,101.8", 3101.8),
        # a market table's line: the index named as the label before a colon
        ("Nasdaq Composite: 16,212.40, down 0.3%", "16,212.40", 16212.4),
    ],
)
def test_an_index_level_named_as_a_mark(text: str, raw: str, level: float) -> None:
    figure_written(text, raw, kind="quantity", unit="point", value=level)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 5% to 300 stores.",
        "It fell 3% in 2024.",
        "Profit rose 4% and 12 staff left.",
        # a mark with no index in its clause
        "Ticket sales passed the 20,000 mark on Friday.",
        "The river rose past the 4.5 level overnight.",
        # an extreme with no index in the clause
        "The river reached a high of 14 on Monday.",
        # a label that names no index
        "Gate number: 4,120, then turn left.",
    ],
)
def test_no_level_without_an_index_shape(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "point"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                               | raw           | value: number | unit
        A 50-year-old man was arrested.    | 50-year-old   | 50            | year
        The girl, 9 years old, was unhurt. | 9 years old   | 9             | year
        The puppy is ten weeks old.        | ten weeks old | 10            | week
        A 34 yo patient was admitted.      | 34 yo         | 34            | year
        # an age with no unit: after an age word, a pronoun and "was", or between commas after a full name
        Voters aged 65 turned out.         | 65            | 65            | year
        It bars those under the age of 16. | 16            | 16            | year
        She left home when she was 17.     | 17            | 17            | year
        Maria Lopez, 52, was elected.      | 52            | 52            | year
        Anyone aged 70+ may apply.         | 70+           | 70            | year
        Jones, 41, declined to comment.    | 41            | 41            | year
        She served 4½ years in jail.       | 4½ years      | 4.5           | year
        # in brackets after a full name, the clause going on as after a name
        Officers held Ravi Kumar (33), a driver. | 33      | 33            | year
        Ann Clarke (71) of Hull was hurt.  | 71            | 71            | year
        # the median or average age of a group, stated as the subject's measure
        The median age of donors was 47.   | 47            | 47            | year
        The average age of new recruits is 23. | 23        | 23            | year
    """),
)
def test_ages_are_durations(text: str, raw: str, value: float, unit: str) -> None:
    # An age is the time elapsed since birth: a duration keeps its unit, a count would lose it.
    only_figure(text, of_kind="duration", raw_text=raw, value=value, unit=unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # a range of ages after "aged" or "in age"
        ("The victims ranged in age from 19 to 84.", 19, 84),
        ("Recruits aged between 18 and 25 may apply.", 18, 25),
    ],
)
def test_a_range_of_ages(text: str, low: float, high: float) -> None:
    only_figure(text, kind="duration", unit="year", qualifier="range", value_low=low, value_high=high)


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    cases("""
        text                                              | raw      | value: number | unit
        # an ambiguous symbol closing a conversion's brackets after a figure of its dimension
        The probe flew 2,400 kilometres (1,490 mi) north. | 1,490 mi | 1490          | mile
        The plot spans 25 acres (10 ha) of woodland.      | 10 ha    | 10            | hectare
        The cooler holds 40 litres (about 10.5 gal).      | 10.5 gal | 10.5          | gallon
    """),
)
def test_a_bracketed_conversion_reads_an_ambiguous_symbol(text: str, raw: str, value: float, unit: str) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, value=value)


@pytest.mark.parametrize(
    "text",
    cases("""
        text
        # in brackets after a figure of another dimension, or with no figure before, the symbol is no unit
        The bill came to $60 (12 mi) of travel.
        The group (15 in all) left early.
    """),
)
def test_no_bracketed_symbol_without_a_conversion(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


def test_an_average_of_a_count_is_no_age() -> None:
    assert [f.kind for f in extract_figures("The average of 62 forecasts was 3%.")] == ["count", "percent"]


def test_a_range_after_an_age_word_that_is_no_age_stays_apart() -> None:
    # an age word before a range of decimals, or of numbers past any age, is no range of ages
    assert [
        f for f in extract_figures("Stocks aged from 150 to 300 days.") if f.kind == "duration" and f.unit == "year"
    ] == []


@pytest.mark.parametrize(
    "text",
    [
        # a place, a weekday, a surname alone, or a decimal between commas is no age
        "In Madrid, 14, 15 and 16 were listed.",
        "On Friday, 12, he said.",
        "Anna Berg, 4.5, was the score.",
        # a number after "he was" that a unit or noun follows is not an age
        "He was 5 points ahead.",
        # a bracketed number after a name that the clause does not go on from, and a list's enumerator
        "Shares of Acme Corp (4) slipped.",
        "The bill would (1) raise taxes and (2) cut aid.",
    ],
)
def test_not_ages(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "duration"] == []


def test_a_magnitude_named_before_a_range_covers_both_ends() -> None:
    only_figure("A magnitude of 8.6–8.8 was recorded.", unit="magnitude", value_low=8.6, value_high=8.8)
    # a unit named before the first end is not carried to a second end written as a word range
    assert [f.unit for f in extract_figures("A magnitude 6.1 quake and 7 to 9 aftershocks.")][:1] == ["magnitude"]


def test_every_unit_symbol_parses_in_pint_and_has_a_dimension() -> None:
    ureg = pint.UnitRegistry()
    for unit, dimension in DIMENSION_OF.items():
        assert dimension in DIMENSIONS
        # index points (pint's point is the printer's), quake magnitudes (a scale value no units
        # library lists) and frame rates (pint has no frame) are units of their own: only the dimension tells
        if unit not in ("point", "magnitude", "frame/second"):
            ureg.parse_units(unit)


@pytest.mark.parametrize(
    "text",
    [
        # a low value could be either scale; no weather in sight; Celsius named nearby; a name
        "MONDAY: Cloudy with rain. Low 34",
        "The stock set a high of 58 on Friday.",
        "Rain is due, with a high near 50 on the Celsius scale.",
        "After the storm, High 55 Records reopened its doors.",
    ],
)
def test_no_forecast_temperature_without_weather_or_a_telling_value(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "degF"] == []


def test_values_convert_within_a_dimension() -> None:
    ureg = pint.UnitRegistry()
    km = only_figure("The route is 12 km long.", of_kind="quantity")
    mi = only_figure("The route is 7.456 miles long.", of_kind="quantity")
    assert km.dimension == mi.dimension
    assert ureg.Quantity(km.value, km.unit).to(mi.unit).magnitude == pytest.approx(mi.value, rel=1e-3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spaced scale letter where the words speak of temperature
        ("The high was 104 F (40 C) on Monday.", [("104 F", 104, "degF"), ("40 C", 40, "degC")]),
        # a bare "degrees" takes the scale its conversion does not name, or the one scale named nearby
        ("Phoenix reached 117 degrees (47.2 C) by noon.", [("117 degrees", 117, "degF"), ("47.2 C", 47.2, "degC")]),
        ("Highs near 33 degrees are likely, after 29C on Sunday.", [("33 degrees", 33, "degC"), ("29C", 29, "degC")]),
        ("Temperatures topped 101 degrees, a Fahrenheit record.", [("101 degrees", 101, "degF")]),
        # a glued F, like the glued C
        ("Lows of 28F are forecast.", [("28F", 28, "degF")]),
        # a spaced scale letter closing the sentence
        ("By noon the temperature hit 97 F.", [("97 F", 97, "degF")]),
        # a forecast's high or low in shorthand, 45 to 130: Fahrenheit (no forecast reaches 45 C)
        ("SUNDAY: Sunny and breezy. High 62", [("62", 62, "degF")]),
        ("Tonight: showers likely, with a low around 51.", [("51", 51, "degF")]),
    ],
)
def test_temperatures_written_without_a_degree_sign(text: str, expected: list[tuple]) -> None:
    assert [(f.raw_text, f.value, f.unit) for f in extract_figures(text) if f.kind == "quantity"] == expected


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # oil flows with the scale in the symbol, as OPEC and the IEA write them
        ("Quotas total 39.7 mb/d next year.", "39.7 mb/d", 39.7e6),
        ("Demand grew 820 kb/d in June.", "820 kb/d", 820e3),
        ("The field pumps 1.1 mbpd.", "1.1 mbpd", 1.1e6),
        # "mbl/d" and "bbl/day" spellings, and the symbol glued to the number, with or without a scale
        ("Quotas fell to 31.8 mbl/d in May.", "31.8 mbl/d", 31.8e6),
        ("The refinery runs 240 kbl/d.", "240 kbl/d", 240e3),
        ("Exports held at 2.6 mbbl/day.", "2.6 mbbl/day", 2.6e6),
        ("The new wells add 75,000b/d.", "75,000b/d", 75e3),
        ("Output averaged 11.2mb/d last year.", "11.2mb/d", 11.2e6),
        ("The pipeline carries 380kbpd.", "380kbpd", 380e3),
    ],
)
def test_barrels_a_day_with_a_scaled_symbol(text: str, raw: str, value: float) -> None:
    only_figure(text, kind="quantity", unit="barrel/day", raw_text=raw, value=pytest.approx(value))


def test_a_flow_carried_to_a_later_number_is_not_divided_twice() -> None:
    figures = extract_figures("Exports fell 210,000 barrels a day to 6.4 million a day.")
    assert [(f.unit, f.per_unit) for f in figures] == [("barrel/day", None), ("barrel/day", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The phone has 64 mb of memory.",
        # a "b" glued to a number is billions of money, a slash after it is no barrel
        "It raised $4b/year in new debt.",
        "The 5mb/s line is slow.",
    ],
)
def test_a_mb_that_is_no_flow(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "barrel/day"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # a video frame rate, glued, spaced or spelled, in either case
        ("The console renders most games at 60fps.", "60fps", 60),
        ("The sensor films 4K at 30 FPS.", "30 FPS", 30),
        ("It records slow motion at 240 frames per second.", "240 frames per second", 240),
        ("Cinema is shot at 24 frames a second.", "24 frames a second", 24),
    ],
)
def test_frame_rates(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="quantity", unit="frame/second", dimension="frequency", value=value)


@pytest.mark.parametrize(
    "text",
    [
        # frames that are counted, not a rate
        "The museum keeps 400 frames of the original film.",
        "The shop sold 12 frames last week.",
    ],
)
def test_frames_with_no_rate(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "frame/second"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # a spaced capital W before a lower-case word is watts
        ("The laptop ships with a 100 W adapter.", "100 W", 100),
        ("The motor delivers 750 W of power.", "750 W", 750),
        ("The handset supports 33 W fast charging.", "33 W", 33),
        # before a clause's punctuation, where the sentence speaks of power
        ("Charging now peaks at 120 W, up from 80 W.", "120 W", 120),
        ("The amplifier delivers 50 W.", "50 W", 50),
    ],
)
def test_spaced_watts(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="quantity", unit="W", dimension="power", value=value)


@pytest.mark.parametrize(
    "text",
    [
        # a compass point in an address, and a letter before a name or a conjunction
        "The shop is at 210 W 34th St.",
        "Parking is on 9 W Elm.",
        "The team went 6 W and 2 L in May.",
        # before punctuation with no word of power in its sentence (a cue in the next one does not count)
        "Turn right at 18 W. The power plant is ahead.",
    ],
)
def test_a_spaced_w_that_is_no_watt(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "W"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The panel peaks at 1,800 nits.", 1800),
        ("Its new screen gets as bright as 2000 nits outdoors.", 2000),
        ("a 1,200-nit OLED display", 1200),
        ("The monitor is rated for 400 nits of sustained brightness.", 400),
    ],
)
def test_screen_brightness_in_nits(text: str, value: float) -> None:
    found = only_figure(text, kind="quantity", unit="nit", value=value)
    assert found.dimension == "luminance"


@pytest.mark.parametrize(
    "text",
    [
        "The school nurse found 14 nits during the check.",
        "Treatment removed about 40 nits from each child's hair.",
    ],
)
def test_nits_with_no_screen_named_are_no_brightness(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "nit"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # megapixels apart from the number where a camera is named around it
        ("Rear camera: 48 MP | Front camera: 12 MP", "48 MP", 48),
        ("It has a 50 MP main sensor.", "50 MP", 50),
    ],
)
def test_spaced_megapixels_beside_a_camera(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="quantity", unit="megapixel", value=value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        # loose spellings of a symbol that news writes (never a different unit: "mW" stays milliwatts)
        ("It runs a 2.4 Ghz chip.", "GHz", 2.4),
        ("The radio uses 700 Mhz spectrum.", "MHz", 700),
        ("It packs a 5,000 mAH cell.", "mAh", 5000),
        # a spelled unit glued to its number, slash and all; common misspellings of the scales
        ("Buses crawled at 8km/hr downtown.", "km/h", 8),
        ("The pool was kept at 28 celcius.", "degC", 28),
        ("Readings hit 104 degrees farenheit.", "degF", 104),
    ],
)
def test_loose_spellings_of_a_symbol(text: str, unit: str, value: float) -> None:
    only_figure(text, kind="quantity", unit=unit, value=value)


@pytest.mark.parametrize(
    ("text", "raw", "unit", "value"),
    [
        # an inch mark before a screen noun, a glued "Gb" of storage, and spelled index points
        ('It gets a 14.2" OLED display.', '14.2"', "inch", 14.2),
        ("It ships a 64Gb model.", "64Gb", "GB", 64),
        ("The Nikkei is six points higher at noon.", "six points", "point", 6),
    ],
)
def test_news_spellings_of_units(text: str, raw: str, unit: str, value: float) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, value=value)


@pytest.mark.parametrize(
    "text",
    [
        # a closing quote after a number, and spelled points with no index named
        'He said "I paid 50" and left.',
        "She made three points in reply.",
    ],
)
def test_quotes_and_spelled_points_without_an_index(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "low", "high"),
    [
        # inch marks after amounts of rain or snow, single and as ranges, a leading decimal included
        ("Forecasters expect 2″ of snow by dawn.", "2″", 2, None, None),
        ('Storm totals of 1-2" of rain are possible.', '1-2"', None, 1, 2),
        ("Showers may leave .40-1.25” in the valley.", ".40-1.25”", None, 0.4, 1.25),
        # the inch abbreviated with its period after a hyphen
        ("The maker showed a 14-in. laptop.", "14-in", 14, None, None),
    ],
)
def test_inches_of_rain_and_abbreviated_inches(
    text: str, raw: str, value: float | None, low: float | None, high: float | None
) -> None:
    figure_written(text, raw, kind="quantity", unit="inch", value=value, value_low=low, value_high=high)


@pytest.mark.parametrize(
    "text",
    [
        # a quotation closed after a number, beside a word for rain, is no inch mark
        'He told us "we got 3" before the rain came.',
        "She told us “we got 3” before the rain came.",
        # "in" after a hyphen without its period is the word
        "They sold a 2-in-1 tablet.",
    ],
)
def test_no_inches_in_quotes_or_words(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "inch"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # a gap in index points before a noun of a market move
        ("It undid the previous day's 72-point fall.", "72-point", 72, "point"),
        ("The index extended a 140-point rally.", "140-point", 140, "point"),
        # a capital L glued to the number is litres; torque written with abbreviation points
        ("It keeps the 2.7L turbo four.", "2.7L", 2.7, "l"),
        ("The diesel makes 910 lb.-ft. of torque.", "910 lb.-ft.", 910, "lbf*ft"),
    ],
)
def test_points_litres_and_torque_as_specs_write_them(text: str, raw: str, value: float, unit: str) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, value=value)


@pytest.mark.parametrize(
    "text",
    [
        # a spaced capital L and a letter before the digits are no litres
        "Look in section 5 L of the report.",
        "The L5 vertebra was hurt.",
    ],
)
def test_no_litres_without_a_glued_l(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "l"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # an "m" before the name of a race is metres, glued or spaced
        ("She set a best in the 800m final.", "800m", 800, "m"),
        ("He swam the 1500m freestyle in Rome.", "1500m", 1500, "m"),
        ("It was a 200 m sprint into the wind.", "200 m", 200, "m"),
        # a standard distance after "the", the race unnamed, in a sentence about a race
        ("She clocked 49.9 seconds to win the 400m.", "400m", 400, "m"),
        ("He took bronze in the 5000m at the world championships.", "5000m", 5000, "m"),
        # Celsius as often misspelled
        ("The town reached 44 degrees celcius.", "44 degrees celcius", 44, "degC"),
    ],
)
def test_race_distances_and_misspelled_celsius(text: str, raw: str, value: float, unit: str) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, value=value)


@pytest.mark.parametrize(
    "text",
    [
        # with a currency, or with no race named, the "m" stays a million
        "The club paid £40m final instalments.",
        "They spent 5m on the hurdles project.",
        # "the 100m" in a sentence about no race, or a distance no race is run over
        "Investors took up the 100m in bonds on offer.",
        "He ran up debts and lost the 250m in savings within a year.",
    ],
)
def test_millions_beside_race_words_stay_millions(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "m"] == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # kilos and kilogrammes as police and court reports write them
        ("Officers seized 41 kilos of heroin.", "41 kilos", 41, "kg"),
        ("Divers found seven kilogrammes of gold.", "seven kilogrammes", 7, "kg"),
    ],
)
def test_kilos_and_kilogrammes(text: str, raw: str, value: float, unit: str) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, value=value)


def test_two_glued_measures_joined_by_a_slash() -> None:
    figures = extract_figures("The base model pairs 12GB/512GB for $899.")
    assert [(f.raw_text, f.value, f.unit) for f in figures if f.kind == "quantity"] == [
        ("12GB", 12, "GB"),
        ("512GB", 512, "GB"),
    ]


@pytest.mark.parametrize("text", ["Print it on A4/5 paper.", "The desk is staffed 24/7 now."])
def test_slashes_without_glued_measures(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # the later ages of a list after "aged" are ages too
        ("Two brothers, aged 31 and 27, were charged.", [31, 27]),
        ("Three pupils aged 14, 15 and 16 were hurt.", [14, 15, 16]),
        # a number later in the clause, not in the list, is no age
        ("Voters aged 65 turned out and 300 stayed home.", [65]),
    ],
)
def test_ages_listed_after_aged(text: str, ages: list[float]) -> None:
    assert [f.value for f in extract_figures(text) if f.kind == "duration"] == ages


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # square and cubic metres written with a digit or a superscript, spaced or glued
        ("Output reached 21.4bn m3 in May.", "21.4bn m3", 21.4e9, "m**3"),
        ("The tank holds 900m3 of water.", "900m3", 900, "m**3"),
        ("They rent a 45 m² studio.", "45 m²", 45, "m**2"),
    ],
)
def test_square_and_cubic_metres_as_symbols(text: str, raw: str, value: float, unit: str) -> None:
    figure_written(text, raw, kind="quantity", unit=unit, value=value)


def test_a_road_named_m3_is_no_volume() -> None:
    assert [f for f in extract_figures("Take the M3 motorway to junction 5.") if f.kind == "quantity"] == []


def test_a_spelled_count_opening_a_sentence_is_no_name_before_a_measure() -> None:
    # "Two 12MP cameras": the capitalised number word opens the sentence; it names nothing
    figures = extract_figures("Two 48MP sensors sit on the back.")
    assert [(f.raw_text, f.unit) for f in figures if f.kind == "quantity"] == [("48MP", "megapixel")]


def test_a_capitalised_number_word_inside_a_name_still_names() -> None:
    assert extract_figures("The Group of Seven 20 summit opened.") == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "dimension"),
    [
        # every length also measures an area and a volume, spelled, abbreviated or with its exponent
        ("Crews dug out 6 cubic kilometres of rock.", "6 cubic kilometres", 6, "km**3", "volume"),
        ("A 400 cubic yard load was tipped.", "400 cubic yard", 400, "yard**3", "volume"),
        ("The engine displaces 427 cubic inches.", "427 cubic inches", 427, "inch**3", "volume"),
        ("The lake shrank by 9 km³ in a decade.", "9 km³", 9, "km**3", "volume"),
        ("The panel has a 25 cm2 surface.", "25 cm2", 25, "cm**2", "area"),
        ("The fire spread over 2,300 square kilometers.", "2,300 square kilometers", 2300, "km**2", "area"),
        ("The suite is 60 sq. m in all.", "60 sq. m", 60, "m**2", "area"),
        ("A 36 square inch patch was cut.", "36 square inch", 36, "inch**2", "area"),
        # news units that are neither a length nor a weight
        ("The concert hit 110 decibels at the front.", "110 decibels", 110, "dB", "sound_level"),
        ("Methane stood at 1,900 parts per million in the tunnel.", "1,900 parts per million", 1900, "ppm",
         "concentration"),
        ("Staff absorbed 12 millisieverts over the year.", "12 millisieverts", 12, "mSv", "radiation_dose"),
        ("A scan delivers about 7 mGy to the chest.", "7 mGy", 7, "mGy", "absorbed_dose"),
        ("Her systolic reading dropped 15 mmHg.", "15 mmHg", 15, "mmHg", "pressure"),
        ("The collider reached 13.6 TeV.", "13.6 TeV", 13.6, "TeV", "energy"),
        ("Each packet carries 1,500 bytes.", "1,500 bytes", 1500, "byte", "data"),
        ("The archive holds 3 exabytes.", "3 exabytes", 3, "EB", "data"),
        ("The basin lost 2km^3 of ice.", "2km^3", 2, "km**3", "volume"),
    ],
)  # fmt: skip
def test_areas_volumes_and_other_measures(text: str, raw: str, value: float, unit: str, dimension: str) -> None:
    found = figure_written(text, raw, kind="quantity", unit=unit, value=value)
    assert found.dimension == dimension


@pytest.mark.parametrize(
    "text",
    [
        "Rangers counted 30 gray wolves in the valley.",  # a colour, not grays of dose
        "She finished 3 square meals a day.",  # "square" before a noun that is no length
    ],
)
def test_words_that_look_like_area_or_dose_units(text: str) -> None:
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


def test_a_volume_is_not_read_as_its_length() -> None:
    # the counted noun after an adjective is a length; "cubic" before it makes the whole a volume
    found = only_figure("The dam holds 3 cubic miles of water.", of_kind="quantity")
    assert (found.unit, found.dimension) == ("mile**3", "volume")


@pytest.mark.parametrize(
    ("text", "per_unit"),
    [
        ("Deposits earn 3.5% per annum.", "year"),
        ("Silver traded at $31 per troy ounce.", "troy_ounce"),
        ("Output is worth $2,100 per capita.", "person"),
    ],
)
def test_denominators_named_by_a_word_of_their_own(text: str, per_unit: str) -> None:
    assert [f.per_unit for f in extract_figures(text) if f.kind in ("money", "percent")] == [per_unit]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # points scored in a game are a count of points, not index points
        ("The forward scored 28 points in the win.", "28 points", 28),
        ("He is averaging 21.3 points per game in the playoffs.", "21.3 points", 21.3),
    ],
)
def test_a_game_s_points_are_a_count(text: str, raw: str, value: float) -> None:
    figure_written(text, raw, kind="count", unit="count", value=value)


def test_a_plural_change_noun_after_a_count_is_what_it_counts() -> None:
    # "12 rebounds" counts rebounds, "300 job cuts" cuts: never the size of a change
    figures = extract_figures("She grabbed 12 rebounds. The plant announced 300 job cuts.")
    assert [(f.raw_text, f.direction) for f in figures] == [("12", None), ("300", None)]
