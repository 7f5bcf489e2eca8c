"""The data behind page-furniture detection: patterns and vocabularies, kept apart from the code.

Every pattern here is matched against one stripped line (or the start of one) that is already
known to be short, so none of them can scan a document. Patterns are written for the *shape* of a
piece of furniture (a photo credit, a wire dateline, a disclaimer), never for one outlet's wording.
"""

from __future__ import annotations

from newsfacts.metadata.lines import word_set

# Lines that are furniture wherever they stand: ad slots, player and share widgets, reading aids.
WIDGET_LINES = (
    r"advertisement|advertising|ad|sponsored(?:\s+content)?|promoted|paid\s+(?:post|content)",
    r"(?:story|article)\s+continues\s+(?:below|after).*",
    r"(?:scroll|continue)\s+(?:down\s+)?to\s+(?:continue|read).*",
    r"skip\s+to\s+(?:main\s+)?(?:content|navigation)",
    r"(?:close|open|toggle|show|hide)\s+(?:this\s+|the\s+)?(?:search|menu|navigation|nav)(?:\s+(?:box|bar|form))?\.?",
    r"listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s*[\d:]+\s*(?:min(?:utes?)?)?)?",
    r"\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\s+(?:read|listen)",
    r"\d{1,3}\s*min(?:ute)?s?(?:\s+\d{1,2}\s*sec(?:ond)?s?)?\s+to\s+read",
    r"(?:reading\s+time|read\s+time)\s*:?\s*\d{1,3}\s*min(?:ute)?s?",
    r"(?:save|saved|bookmark|gift\s+(?:this\s+)?article|share\s+full\s+article|copy\s+link|font\s+size)",
    r"(?:web\s+)?notifications?|activate\s+notifications\??|turn\s+on\s+notifications",
    r"(?:watch|play)(?:\s+(?:now|video|live))?|watch\s+on\s+youtube\b.*",
    r"info\s+icon|this\s+data\s+feed\s+is\s+not\s+available\s+at\s+this\s+time\.?",
    r"(?:in\s+this\s+(?:story|article)|explore(?:\s+\w+){0,2}|see\s+more\s+videos|most\s+popular)",
    r".*\b(?:send\s+you|allow|enable|turn\s+on|activate)\s+(?:push\s+|browser\s+)?notifications\b.*",
    r"(?:share|post|send|pin)\s+(?:this\s+|it\s+)?(?:with|on|via|to)\s+[\w.]+",
    r"connect\s+with\s+us|follow\s+us(?:\s+on\s+[\w.]+)?|showing\s+posts\s+(?:from|with|for)\b.*",
    r"[^#\n]{0,120}(?:#\w+[ \t]*){2,}",
    r"(?:share|like)\s+this\s*:?|like\s+loading\.*|loading\.{2,}",
    r"(?:\d{1,3}\s*(?:m|h|d|mins?|minutes?|hours?|hrs?|days?|weeks?)|an?\s+(?:minute|hour|day|week))\s+ago"
    r"|just\s+now|(?:view\s+)?full\s+coverage",
    r"(?:sponsored|promoted|partner)\s+(?:links|stories|content|posts)",
    r"accessibility\s+(?:links|statement|help)|full\s+screen|adjust\s+font\s+size\s*:?|you\s+are\s+here\s*:.{0,80}",
    r"\d{1,3}\s*(?:/|of)\s*\d{1,3}",  # a gallery's slide counter ("1 / 12")
    r"(?:view|see|show)\s+(?:more|all)(?:\s+(?:in\s+this\s+section|news|stories|articles|posts))?",
    r"(?:(?:privacy\s+policy|terms\s+(?:of\s+(?:use|service)|(?:&|and)\s+conditions)|cookie\s+(?:policy|settings"
    r"|preferences)|contact\s+us|about\s+us|accessibility|site\s*map|careers|advertise(?:\s+with\s+us)?)"
    r"\s*[|·•,]?\s*)+",
)
# A run of tickers printed beside a story ("BLDP APHA OSK AC SU").
TICKER_LINE = r"(?:[A-Z]{1,5}(?:\.[A-Z]{1,2})?[ \t]+){2,15}[A-Z]{1,5}(?:\.[A-Z]{1,2})?"
# An outlet's blurb about itself at the foot of a page: "Reuters, the news and media division of ...".
OUTLET_BLURB = r"(?P<name>[A-Z][\w.&'’ -]{1,40}?)(?:,\s+(?:the|a|an)\s|\s+is\s+(?:the|a|an)\s)"

# Labels that stand alone on a line, their value on the next one ("Publisher" / "Reuters").
LABEL_ONLY = {
    "author": r"authors?|byline|written\s+by|by|contributors?|reporter|words",
    "publisher": r"publisher|published\s+by|source|provider|news\s+provider",
    "published": r"published|posted|date|released|first\s+published|publication\s+date",
    "updated": r"updated|last\s+updated|modified|update",
}

# Photo credits and captions: a credit line, or a caption that ends in a credit.
PHOTO_CREDIT_LINES = (
    r"(?:file\s+)?photo(?:graph)?s?\s*(?:credit)?\s*[:：].*",
    r"(?:file\s+photo|file\s+picture|file\s+image)\b.*",
    r"(?:image|picture|pic|video|graphic|illustration)s?\s*(?:credit|source|courtesy)?\s*[:：].*",
    r"(?:photo|image|picture)\s+(?:credit|courtesy|by)\b.*",
    r"(?:credit|credits|courtesy)\s*[:：].*",
    r"\(?(?:photo|picture|image)\s+by\s+[^)]{2,80}\)?\.?",
    r"[A-Z][A-Za-z.&' ]{1,40}\s*/\s*(?:Getty\s+Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock|Alamy)\b.*",
    r"(?:REUTERS|AFP|AP|EPA|XINHUA|GETTY\s+IMAGES)\s*/\s*\S.*",
    r"(?:getty\s+images|shutterstock|istock(?:photo)?|alamy)(?:\s+.{0,60})?",
    r"\[(?:image|photo|picture)s?\s+(?:cred(?:it)?s?|source|courtesy)[^\]]{0,60}\]",
)
# A caption ends with its credit in brackets or after a slash: "... in Tokyo. (Photo by A. Roe/AFP)".
CAPTION_END = (
    r".*\((?i:photo|picture|image|file\s+photo)s?(?i:\s+by|\s*:|\s*/)[^()]{2,80}\)\s*\.?",
    r".*\b(?:REUTERS|AFP|EPA)\s*/\s*[A-Z][A-Za-z.' -]{1,60}(?:/\s*File(?:\s+Photo)?)?\s*\.?",
    r".*\b(?:AP\s+Photo|Getty\s+Images|AFP\s+via\s+Getty\s+Images)(?:\s*/\s*[A-Z][\w.' -]{1,60})?\s*\)?\s*\.?",
)

# A caption ending in the year the photo was taken and the agency: "..., August 23, 2013 Reuters".
CAPTION_AGENCIES = ("Reuters", "AFP", "AP", "EPA", "Bloomberg", "Xinhua", "Bernama", "Getty Images")
YEAR_AGENCY_CAPTION = (
    r".*\b(?:19|20)\d{2}\.?\s+(?:" + "|".join(name.replace(" ", r"\s+") for name in CAPTION_AGENCIES) + r")\s*\.?"
)
MONTH_WORDS = word_set(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december"
)
# A closing line sending the reader to the site for more: "Visit Example.com for more on this news."
VISIT_FOR_MORE = r".*\bvisit\s+(?:www\.)?[\w-]+\.(?:com|net|org|co\.uk|in)\s+for\s+more\b.*"

# Headers of a table of contents; the short lines under one are its items.
TOC_HEADERS = (
    r"(?:table\s+of\s+)?contents|in\s+this\s+(?:article|story|piece)|on\s+this\s+page|jump\s+to(?:\s*:.*)?"
    r"|key\s+(?:points|takeaways)|quick\s+links|article\s+outline|what\s+we\s+cover",
)

# Section names a site prints as navigation ("Home > News > World", "• World • <date>").
SECTION_WORDS = word_set(
    """
    home news world business markets market economy economics finance money politics opinion
    tech technology science health sports sport entertainment lifestyle culture travel energy
    climate environment us u.s. uk europe asia africa americas china india japan middle east latest
    breaking local national international global companies industry industries stocks investing
    personal analysis features video videos live commodities currencies bonds crypto autos
    earnings deals media retail real estate property banking insurance trade policy the press releases
    """
)
CRUMB_SEPARATORS = "›»>/|•·"
CRUMB_LEAD = word_set("home")

# Outlets that print their name as a masthead or a byline. Used to recognise a line that *is* an
# outlet's name, never to guess one: the text must state it.
OUTLETS = (
    "Reuters",
    "Thomson Reuters",
    "Associated Press",
    "The Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Xinhua",
    "Xinhua News Agency",
    "UPI",
    "United Press International",
    "Bloomberg",
    "Bloomberg News",
    "Dow Jones",
    "Dow Jones Newswires",
    "MT Newswires",
    "RTTNews",
    "CNBC",
    "CNN",
    "BBC",
    "BBC News",
    "Financial Times",
    "The Wall Street Journal",
    "Wall Street Journal",
    "The New York Times",
    "The Washington Post",
    "The Guardian",
    "Al Jazeera",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "Nikkei",
    "Nikkei Asia",
    "Anadolu Agency",
    "PTI",
    "Press Trust of India",
    "IANS",
    "ANI",
    "TASS",
    "Interfax",
    "dpa",
    "EFE",
    "ANSA",
    "Bernama",
    "Benzinga",
    "Zacks",
    "Zacks Equity Research",
    "Seeking Alpha",
    "MarketWatch",
    "Barron's",
    "Forbes",
    "Business Insider",
    "Yahoo Finance",
    "Investing.com",
    "The Motley Fool",
    "Motley Fool",
    "Business Wire",
    "PR Newswire",
    "GlobeNewswire",
    "Globe Newswire",
    "PRNewswire",
    "Accesswire",
    "Fox Business",
    "Fox News",
    "NBC News",
    "CBS News",
    "ABC News",
    "Sky News",
    "Euronews",
    "Deutsche Welle",
    "DW",
    "NPR",
    "Axios",
    "Politico",
    "The Hill",
    "Nasdaq",
    "TheStreet",
    "Kitco",
    "Kitco News",
    "S&P Global",
    "Platts",
    "Argus",
    "The Economist",
    "The Times",
    "The Telegraph",
    "The Independent",
    "South China Morning Post",
    "China Daily",
    "Global Times",
    "The Japan Times",
    "Japan Times",
    "The Hindu",
    "Times of India",
    "Economic Times",
    "Straits Times",
    "The Straits Times",
    "Arab News",
    "Gulf News",
    "ABC",
    "SBS News",
    "Daily Mail",
    "Newsweek",
)
# Words that make a capitalised byline an organisation's ("Reuters Staff", "MT Newswires").
ORG_BYLINE_WORDS = word_set(
    "staff reporters reporter newsroom desk newswires newswire wire wires bureau editors editorial team network"
)
# Words that end an agency's name ("Xinhua News Agency", "Dow Jones Newswires").
AGENCY_SUFFIXES = word_set("newswires newswire agency wire press news")

# The opening of a wire dateline before the first sentence: "LONDON (Reuters) -",
# "WASHINGTON, Oct. 29 (UPI) --", "Sep 18 (Reuters) -", "(Xinhua) --", "TORONTO (Dow Jones)--".
WIRE_STATE = r"(?:[A-Z][a-z.]+|[A-Z]{2,}|(?:[A-Z]\.){1,3})(?:[ ][A-Z][a-z.]+){0,2}"
# A place in capitals; a Scottish or Irish name keeps its lower-case prefix ("McKEE, Ky.", "MacALLEN").
WIRE_PLACE = r"(?:(?:Ma?c)?[A-Z][A-Z.'’/-]+(?:[ ][A-Z][A-Z.'’/-]+){0,3}(?:,[ ]" + WIRE_STATE + r")?)"
# A place in title case, maybe with its country in brackets or its state: "New Delhi [India]", "Lexington, Ky.".
WIRE_TITLE_PLACE = (
    r"(?:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}(?:[ ]\[[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?\])?"
    r"(?:,[ ][A-Z][a-z.]+(?:[ ][A-Z][a-z.]+)?)?)"
)

WIRE_MONTH_DAY = (
    r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    r"|august|september|october|november|december)\.?[ ](?P<day>\d{1,2})(?:,?[ ](?P<year>\d{4}))?"
)
WIRE_AGENCY = r"\([ ]?(?P<agency>[A-Z][\w&.'’/-]*(?:[ ](?:[A-Z][\w&.'’/-]*|of|and)){0,4})[ ]?\)"
WIRE_DASH = r"[ ]?(?:--|-|–|—|_|:)[ ]?"
# A place-only dateline needs spaces round its dash or a pipe: "HARBIN - ", "WASHINGTON | ".
WIRE_PLACE_DASH = r"[ ](?:--|-|–|—|\|)[ ]|[ ]?(?:—|–)[ ]?|:[ ]"

# A navigation strip: several items on one line between bullets or bars ("Help | Sitemap | Archive").
NAV_STRIP_SPLIT = r"\s+[•·]\s+|\s*\|\s*"
# A photo caption in agency style, ending in the weekday and full date it was taken:
# "Voters queue at a school in Lyon, France, Sunday, April 9, 2017."
DATED_CAPTION = (
    r".{20,300}?,\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december)\.?\s+\d{1,2},\s+\d{4}\.?"
)

# A wire's sign-off closing the last paragraph on its own line: "... in positive territory. — AFP".
SIGN_OFF = r"(?<=[.!?\"”’])\s+(?:[—–]|--?)\s*(?P<name>[A-Z][\w.&'’ -]{1,30}?)\s*$"

# An opening dateline of a place in title case and a colon, maybe with the date: "New Delhi: ...",
# "New Delhi, Apr 02, 2020: ...". Read only at the story's first line; these words open kickers instead.
TITLE_PLACE_COLON = (
    r"(?P<place>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})(?:,[ ](?P<month>[A-Z][a-z]{2,8})\.?[ ](?P<day>\d{1,2}),[ ]"
    r"(?P<year>\d{4}))?:[ ](?=[A-Z])"
)
# A date-only dateline opening the story: "December 7: Counting of votes ...".
DATE_COLON = r"(?P<month>[A-Z][a-z]{2,8})\.?[ ](?P<day>\d{1,2}):[ ](?=[A-Z])"
# A dateline on its own line under the headline: "Kathmandu, December 25", "Lyon, March 4, 2024".
PLACE_DATE_LINE = (
    r"(?P<place>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}),[ ](?P<month>[A-Z][a-z]{2,8})\.?[ ](?P<day>\d{1,2})"
    r"(?:,[ ](?P<year>\d{4}))?"
)
KICKER_WORDS = word_set(
    "update updated breaking exclusive watch opinion analysis editorial note editor photos photo video live read "
    "also related watch listen correction clarification sponsored comment review explainer factbox timeline"
)
# A wire's sign-off as a bare name after the last sentence: "... first case of the infection. IANS".
BARE_SIGN_OFF = r"(?<=[.!?\"”’])\s+(?P<name>[A-Z]{2,10})\s*$"
# The same in brackets, where any capitals are the wire's name: "... such things," he said. (ANI)".
BRACKETED_SIGN_OFF = r"(?<=[.!?\"”’])\s+\((?P<name>[A-Z]{2,8})\)\s*$"
# Marks a wire puts in brackets after a story that name no one: "(END)", "(MORE)".
WIRE_END_MARKS = word_set("end ends more eds lead update corrected correction file photo video audio")
# A reporter credited in brackets after the last sentence: "... he added. (Jane Q. Roe)".
BRACKETED_REPORTER = (
    r"(?<=[.!?\"”’])\s+\((?P<name>[A-Z][a-z]+(?:[ ][A-Z]\.)?(?:[ ][A-Z][a-z]*[’'-]?[A-Z]?[a-z]+){1,2})\)\s*$"
)
# The buttons of an article's toolbar, printed between its header and its story ("comments Print").
TOOLBAR_WORDS = word_set("comments comment print share email e-mail save tweet facebook whatsapp twitter linkedin")
MAX_TOOLBAR_WORDS = 6
# A role printed on its own line under a writer's name ("Jane Doe" / "Staff Writer").
BYLINE_ROLE_LINE = (
    r"(?:(?:senior|chief|staff|contributing|special|political|business|sports|health|guest|freelance)\s+)?"
    r"(?:writer|reporter|correspondent|contributor|journalist|editor|columnist)"
)
# Capitalised words a bracketed note after the story holds that no reporter's name does ("(Photo Gallery)",
# "(Additional Reporting)"), besides the kicker words.
NOT_REPORTER_WORDS = word_set(
    "additional reporting report reports staff gallery below above more news files inputs agencies"
)
# Words that end a copyright holder's name when it is not the outlet: a picture library, whose
# copyright a caption carries ("Getty Images"), or a company by its legal form ("Example Holdings Ltd").
NOT_OUTLET_HOLDER_WORDS = word_set(
    "images photos photography pictures stock ltd ltd. limited inc inc. holdings group corp corp. corporation "
    "llc plc co co. company gmbh ag"
)

# How long ago a feed item ran, on the line under its headline.
RELATIVE_TIME = r"(?:\d{1,3}|an?)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago|just\s+now|yesterday"

# A press release's dateline: place in capitals (any script's capitals), up to two ", State" or
# ", Country" parts, the full date with its year, the distributor between slashes or brackets, a dash:
# "ATLANTA, Feb. 20, 2014 /PRNewswire/ --", "OSLO, Norway, May 16, 2018 (GLOBE NEWSWIRE) --",
# "CHICAGO,Aug. 9,2018 --". The year is required, so no sentence opening can match.
_CAPS = "A-ZÀ-ÖØ-Þ"
PRESS_PLACE = (
    rf"[{_CAPS}][{_CAPS}.'’/-]+(?:[ ][{_CAPS}][{_CAPS}.'’/-]+){{0,3}}"
    rf"(?:,[ ]?[{_CAPS}][\w.'’-]*(?:[ ][{_CAPS}][\w.'’-]*){{0,2}}){{0,2}}"
)
_MONTH = WIRE_MONTH_DAY.split(r"\.?[ ](?P<day>")[0]  # the "(?P<month>...)" group alone
PRESS_DATELINE = (
    rf"{PRESS_PLACE},?[ ]?(?i:{_MONTH})\.?[ ]?(?P<day>\d{{1,2}}),[ ]?(?P<year>\d{{4}})"
    r"[ ]*(?:[/(][ ]?(?P<agency>[A-Za-z][\w.&-]*(?:[ ][\w.&-]+){0,3})[ ]?[/)][ ]*)?(?:--|—|–|[ ]-[ ])[ ]*"
)
# "NEW YORK--(BUSINESS WIRE)--": a distributor between double dashes, no date.
PRESS_DASHED = rf"{PRESS_PLACE}[ ]?--[ ]?\((?P<agency>[A-Za-z][\w.&-]*(?:[ ][\w.&-]+){{0,3}})\)[ ]?--[ ]?"

# A site's name printed as its domain at the top of a page: "Investing.com", "www.example.co.uk".
DOMAIN_MASTHEAD = r"(?:www\.)?[A-Za-z][\w-]{1,40}\.(?:com|net|org|co\.uk|co\.in|co|in|io|news|info|com\.au|ca)"

# "© 2025 Example News. All rights reserved." / "Copyright 2024 The Associated Press."
COPYRIGHT_LINE = (
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Z][\w.&'’ -]{1,50}?)\s*(?:[.,;]|$|\ball\s+rights\b)"
)
# A copyright line whose holder is the site's own domain: "Copyright © 2012 Example.com."
COPYRIGHT_DOMAIN = (
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<domain>" + DOMAIN_MASTHEAD + r")\b"
)
# A page title that carries its outlet after a bar: "Fed holds rates steady | Reuters". A dash is
# not enough: "Xi says economy still promising - Xinhua" is a wire headline crediting its source.
TITLE_SOURCE = r"(?P<headline>.{10,200}?)\s+(?:\||::)\s+(?P<outlet>[A-Z][\w.&'’ -]{1,40})"

# A repost that credits where it comes from: "From Al Jazeera:", "Via Reuters".
FROM_OUTLET = (
    r"(?:from|via|courtesy\s+of|originally\s+(?:published|appeared)\s+(?:in|on|at))\s+(?P<name>[^:]{2,50}?)\s*:?"
)

# A feed's footer naming where the story first ran: "The post <title> appeared first on Example
# Times.", "This article originally appeared on Example Wire."
SYNDICATED_FROM = (
    r"(?i:(?:the\s+post\s+.{3,200}?\s+|(?:this|the)\s+(?:article|story|post)\s+)?(?:appeared\s+first|first\s+appeared"
    r"|originally\s+appeared|was\s+(?:originally|first)\s+published)\s+(?:on|in|at)\s+)"
    r"(?P<name>[A-Z][^.:!?]{1,60}?)\s*\.?"
)
# A site's name beside its address at the foot of a page: "Example Daily Online --- http://example.com/".
SITE_FOOTER = r"(?P<name>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4})\s*(?:-{1,3}|–|—|:|\|)\s*(?:https?://|www\.)\S+"
# Press-release end matter: a bare address, "SOURCE Example Corp", a download list's header.
RELEASE_END_LINES = (
    r"(?:[A-Z][\w ]{0,40}:\s*)?(?:https?://|www\.)\S+(?:\s+(?:PDF|pdf))?",
    r"SOURCE\s+[A-Z][\w.&'’ -]{1,60}",
    r"the\s+following\s+files\s+are\s+available\s+for\s+download\s*:?",
)
# A publisher named at the end of a story: "(source: CNBC)", "Source: Reuters".
SOURCE_LINE = r"\(?\s*(?:source|sources|via|courtesy(?:\s+of)?)\s*[:：]\s*(?P<name>[^()\n]{2,60}?)\s*\)?\.?"

# Trailing lines that end an article: disclaimers, credits, contact lines, calls to read on.
TRAILING_LINES = (
    r"(?:investment\s+|important\s+)?disclaimer(?:\s*[:：.\-–—].*)?",
    r"(?:the\s+)?views\s+(?:and\s+opinions\s+)?expressed\s+(?:herein|here|in\s+this\s+(?:article|piece|post)).*",
    r"(?:this|the)\s+(?:article|content|information|material|report|post)\s+(?:is|was)\s+"
    r"(?:for\s+(?:general\s+)?information(?:al)?\s+purposes|not\s+(?:intended\s+as|investment|financial)"
    r"|provided\s+for|intended\s+for\s+information|based\s+on\s+(?:publicly|third)).*",
    r".*\b(?:does|do|should)\s+not\s+(?:constitute|represent|be\s+(?:construed|considered|taken)\s+as)\s+"
    r"(?:an?\s+)?(?:investment|financial|legal|tax)\s+advice\b.*",
    r".*\bnot\s+(?:a\s+)?(?:recommendation|solicitation|an\s+offer)\s+to\s+(?:buy|sell)\b.*",
    r"past\s+performance\s+(?:is|does)\s+not\b.*",
    r"(?:this\s+is\s+)?not\s+(?:financial|investment)\s+advice\b.*",
    r"nothing\s+(?:in\s+)?(?:this|herein).{0,80}?\b(?:construed|constitutes?|considered)\b.*",
    r"(?:the\s+)?(?:authors?|writers?|analysts?)(?:\s+\w+){0,3}\s+(?:has|have|had|holds?|do|does|did)\s+"
    r"(?:not\s+hold\s+|no\s+)(?:any\s+)?(?:positions?|stakes?|holdings)\b.*",
    r"[A-Z][\w.'’ -]{1,60}\s+(?:has|have)\s+(?:no\s+)?positions?\s+in\s+(?:and\s+recommends\s+)?"
    r"(?:any\s+of\s+)?(?:the\s+)?(?:stocks?|shares|securities|companies)\b.*",
    r".*\bhas\s+a\s+disclosure\s+policy\.?",
    r".*\bfor\s+(?:general\s+)?information(?:al)?\s+purposes\s+only\b.*",
    r".*\bvalue\s+of\s+(?:your\s+)?investments?\b.{0,60}\b(?:fall|go\s+down|decrease)\b.*",
    r"(?:you\s+)?may\s+not\s+get\s+back\s+the\s+(?:full\s+)?amount\b.*",
    r".*\b(?:do\s+your\s+own\s+research|consult\s+(?:a|an|your)\s+(?:qualified\s+|licensed\s+)?"
    r"(?:financial|investment|tax|legal)\s+(?:adviser|advisor|professional))\b.*",
    r"receive\s+news\s+(?:&|and)\s+ratings\b.*|.*\benter\s+your\s+e-?mail(?:\s+address)?\b.*",
    r"(?:featured|recommended|related|suggested)\s+(?:article|story|stories|reading|video)s?\s*:.*",
    r"(?:the\s+)?author\s+(?:has|holds|had)\s+no\s+(?:position|positions|stake)\b.*",
    r"(?:at\s+the\s+time\s+of\s+(?:writing|publication),\s+)?the\s+author\s+(?:owns|holds|has\s+a\s+position)\b.*",
    r"(?:trading|investing)\s+(?:in\s+\w+\s+)?involves\s+(?:substantial\s+|significant\s+)?risk\b.*",
    r"if\s+you\s+(?:like|liked|enjoy|enjoyed|found|find)\s+(?:this|the)\s+(?:article|story|post|piece|content).*",
    r"(?:for\s+more\s+.{1,60}?,\s+)?(?:please\s+)?visit\s+.{1,60}?(?:business|news|markets?|finance|sports?|"
    r"politics|tech(?:nology)?|world|opinion|health|entertainment|home)\s+(?:section|page|site|website|channel)\b.*",
    r"(?:for\s+)?(?:more|further|the\s+latest)\s+(?:news|stories|updates|coverage|articles)\s*,?\s+"
    r"(?:visit|see|go\s+to|follow|check\s+out|click)\b.*",
    r"(?:read|see|view|find)\s+(?:more|the\s+(?:original|full)\s+(?:article|story|report))\s+(?:at|on|here)\b.*",
    r"(?:this\s+(?:article|story)\s+(?:was|has\s+been|is)\s+)?(?:originally|first)\s+(?:published|appeared)\s+"
    r"(?:on|in|at|by)\b.*",
    r"(?:this\s+(?:story|article)\s+(?:was|has\s+been)\s+)?(?:generated|produced|written|created)\s+"
    r"(?:automatically\s+)?(?:by|with|using)\s+.{0,40}(?:ai|automated|insights|algorithm)\b.*",
    r"\(\(.*@.*\)\)|\(\(.*\)\)",
    r"(?:our|editorial)\s+(?:standards|policy|principles|guidelines)\s*:.*",
    r"\((?:[A-Z][\w-]*[ -]?)?(?:agencies|wires|agency|staff|reports?)\)\.?",
    r"[\w.+-]+@[\w-]+\.[\w.]+",
    r"(?:editor|editors|edited\s+by|editing\s+by|written\s+by|compiled\s+by|translated\s+by)\s*[:：]?\s*"
    r"[A-Z][\w.'’-]*(?:[ ,&]+[A-Z][\w.'’-]*){0,6}\.?",
    r"[-–—]+\s*(?:from|with)\s+(?:ap|afp|reuters|wire|staff|agency|agencies|news)\s+(?:reports?|services?).*",
    r"(?:the\s+)?(?:associated\s+press|reuters|afp|bloomberg|cnn|staff\s+writers?|.{2,40}\s+staff)\s+"
    r"contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\.?",
    r"(?:this\s+story\s+(?:will\s+be|has\s+been|was)\s+updated|this\s+is\s+a\s+(?:developing|breaking)\s+"
    r"(?:news\s+)?story).*",
    r"(?:posted|submitted|written)\s+by\s+\S.{0,60}\b(?:on|at)\b.{0,40}",
    r"[A-Z][\w.'’ -]{1,40}\s+(?:says|said|wrote|writes)\s*:?",
    r"[A-Z][\w.'’ -]{1,40}\s+on\s+.{6,30}?\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?",
    r"(?:reply|report(?:\s+abuse)?|flag|like|quote|permalink)(?:\s*[|·•]\s*(?:reply|report|flag|like|quote|share))*",
    r"(?:\d+|no)\s+(?:comments?|replies|likes)\s*:?",
    r"post\s+a\s+comment|(?:newer|older)\s+posts?(?:\s+home)?|subscribe\s+to:\s*post\s+comments.*",
    r"no\s+comments\s+yet\.?(?:\s+be\s+the\s+first(?:\s+one)?\s+to\s+comment\.?)?",
    r"(?:previous|next)\s+(?:post|article|story)\b.*",
    r"(?:click|tap)\s+here\s+to\s+view\s+.{0,80}",
    r"view\s+(?:the\s+)?original\s+(?:post|article|story).*|\d+\s+more\s+words",
    r"[A-Z][\w.&'’ -]{1,40}\s*[·•|–-]\s*\d{1,3}\s*(?:m|h|d|mins?|minutes?|hours?|days?)\s*(?:ago)?",
    # A syndication note: "(This story has not been edited by X staff and is auto-generated ...)".
    r"\(?(?:this|the)\s+(?:story|article|report|content)\s+has\s+(?:not\s+)?been\s+(?:edited|modified|"
    r"auto-?generated|published|reviewed)\b.*",
    r"\(.*\b(?:click|tap)\s+here\b.*\)\.?",  # "(To receive our e-paper daily, please click here. ...)"
    r"more\s+to\s+come\.?|(?:more\s+)?details\s+to\s+follow\.?",  # a developing story's closing note
    r"(?:abstract|full\s+text)(?:\s*/\s*(?:abstract|full\s+text))*(?:\s*\([^()]*\))?",  # a study's links
)
# An author bio closing a story: a name (maybe emphasised), "is a/an", a few modifiers and a role
# that writes for the page ("Jane Doe is a senior correspondent covering ...", "**John Roe** is an
# economist and columnist based in ..."). Only a trailing line: inside a story the same shape is a fact.
BIO_ROLES = (
    r"correspondent|reporter|journalist|columnist|editor|writer|contributor|blogger|commentator|"
    r"freelancer|freelance\s+\w+|author|anchor|producer|contributing\s+\w+"
)
CLOSING_BIO = (
    r"(?!.*\b(?:said|says|told|according\s+to)\b)(?:\*\*|__)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\*\*|__)?\s+(?:is|was|has\s+been)\s+"
    r"(?:a|an|the)\s+(?:[\w'’&-]+,?\s+){0,6}?(?:" + BIO_ROLES + r")s?"
    r"(?:\s+(?:at|for|with|covering|based|in|on|of|and|from|since|who\s+(?:covers|writes|reports|focuses))\b.*|\.)?"
)
# Headers of a trailing section ("Similar News", "Article Sources", "About the Author").
TRAILING_HEADERS = (
    r"write\s+(?:a\s+|your\s+)?comments?(?:\s+on\s+this\s+(?:article|story|post))?",
    r"(?:media\s+|press\s+|investor\s+|for\s+)?contacts?(?:\s+information)?\s*:?|other\s+(?:reports|articles|stories|posts)"
    r"\s+by(?:\s+.{1,40})?|discuss\s+this\s+(?:article|story|post)",
    r"(?:similar|related|more|other|recent|top|latest|trending|further)\s+(?:\w+\s+){0,2}"
    r"(?:news|stories|articles|posts|reads|coverage|links|headlines|reading|videos|content)",
    r"(?:article|story)\s+(?:sources|references|tags|topics)",
    r"sources?\s+(?:and\s+)?(?:references|notes|links)|references\s+and\s+notes|notes|footnotes|bibliography",
    r"(?:editor['’]?s|editors['’]?)\s+(?:picks?|choice)|don['’]?t\s+miss|must\s+read|what\s+to\s+read\s+next",
    r"(?:comments?|discussion|reader\s+comments|join\s+the\s+(?:conversation|discussion)|reactions?)",
    r"\d+\s+(?:comments?|responses|replies)|comments?\s*\(\d+\)",
    r"\d+\s+(?:thoughts|responses|comments|replies)\s+(?:on|to)\b.*",
    r"(?:news\s+)?(?:from|across)\s+(?:around\s+)?the\s+web|elsewhere\s+on\s+the\s+web|partner\s+content",
    r"(?:share|spread)\s+the\s+news|about\s+us|more\s+from\s+(?:our\s+)?(?:partners|sponsors)",
    r"(?:featured|recommended|suggested)\s+(?:articles?|stories|reading|videos?|content)",
)
# A closing profile of a company the story is about: "About Example Corp", "Example Corp Company Profile".
PROFILE_HEADER = r"(?i:about)\s+(?:[A-Z][\w.&'’-]*\s*){1,6}|(?:[A-Z][\w.&'’-]*\s+){1,6}(?i:company\s+)?(?i:profile)"

# Buttons and links that can sit alone on a line, or glued together ("Request DemoOverall Sentiment").
CTA_PHRASES = (
    r"(?:request|book|schedule|get|watch)\s+(?:a\s+)?demo",
    r"try\s+(?:it\s+)?(?:for\s+)?free",
    r"(?:start\s+(?:your\s+)?)?free\s+trial",
    r"subscribe(?:\s+(?:now|today|for\s+free|here))?",
    r"sign\s*up(?:\s+(?:now|today|for\s+free|here))?",
    r"sign\s*in",
    r"log\s*in",
    r"register(?:\s+now)?",
    r"read\s+more",
    r"learn\s+more",
    r"continue\s+reading",
    r"read\s+the\s+full\s+(?:story|article|report)",
    r"(?:read\s+)?(?:the\s+)?full\s+(?:story|article|report|coverage)",
    r"(?:show|hide)\s+(?:thumbnails|captions|comments|more|less|all|transcript)",
    r"click\s+here",
    r"download(?:\s+(?:the\s+app|now|(?:the\s+)?report))?",
    r"get\s+started",
    r"contact\s+us",
    r"advertisement",
    r"sponsored",
    r"back\s+to\s+top",
    r"share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+on)?",
    r"print(?:\s+this)?(?:\s+(?:article|page))?",
    r"e-?mail",
    r"facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest|bluesky|x\.com",
    r"copy\s+link",
    r"follow\s+us(?:\s+on)?",
    r"join\s+(?:now|us|our\s+newsletter)",
    r"newsletter",
    r"(?:view\s+|show\s+)?comments?",
    r"leave\s+a\s+(?:comment|reply)",
)
# A short imperative pitch that opens a line ("Subscribe to our newsletter for ...").
CTA_SENTENCE = (
    r"(?:subscribe|sign\s*up|click\s+here|follow\s+us|join\s+our|download\s+(?:our|the)|get\s+our"
    r"|thanks?\s+(?:you\s+)?for\s+reading|don['’]t\s+miss|never\s+miss|want\s+more"
    r"|stay\s+(?:informed|updated|ahead|in\s+the\s+loop|tuned)"
    r"|read\s+(?:the\s+)?full|continue\s+reading|(?:request|book|schedule)\s+(?:a\s+)?demo"
    r"|check\s+out\s+our\s+.{0,80}?\b(?:pages?|section|coverage|newsletters?|podcasts?))\b"
)
# Headers of end-of-page link lists: "Related Articles", "Latest Posts", "Source", "Read next".
NAV_HEADER = (
    r"related(?:\s+(?:articles?|posts?|stories|news|content|coverage|reading|links|topics|videos))?"
    r"|latest(?:\s+(?:posts?|news|articles?|stories|headlines|updates))?"
    r"|(?:read|up)\s+next|read\s+also|also\s+read|see\s+also|further\s+reading|more\s+reading"
    r"|more\s+(?:stories|news|articles|headlines|to\s+read)|more\s+(?:from|on|in|about)\s+.{1,60}"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|reading|articles|stories))?"
    r"|(?:most\s+)?(?:popular|trending|most\s+read|most\s+viewed)(?:\s+(?:now|posts|stories|articles|today))?"
    r"|sources?|references?|citations?|tags?|topics?|categories|filed\s+under|keywords"
)
ABOUT_AUTHOR = r"about\s+the\s+(?:authors?|writers?|contributors?)"
# One-line furniture with content: "Tags: Japan, trade", "Source: Reuters", "Photo credit: ...".
LABELLED_LINE = (
    r"(?:tags?|topics?|categories|category|filed\s+under|keywords|sources?|via|photo(?:\s+credit)?"
    r"|image(?:\s+(?:credit|source))?|credits?|disclaimer|see\s+also|related|read\s+more"
    r"|editor['’]?s\s+note|correction|clarification|location)\s*:\s*\S.*"
    # a link to another story set in the body: "ALSO READ: ...", "Also Read | ...", "Must read: ..."
    r"|(?:also\s+read|read\s+also|must\s+read|also\s+see)\s*[:|]\s*\S.*"
)
LEGAL_LINE = r"(?:©|\(c\)\s*\d{4}|copyright\b).*|.*\ball rights reserved\b.*"
CREDITS_LINE = r"\(?(?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\b.*"

# Sentiment widgets: "Overall Sentiment / neutral", "Sentiment Score: 0.05".
SENTIMENT_HEAD = r"overall\s+sentiment|sentiment\s+(?:score|label|rating)|sentiment"
SENTIMENT_LABEL = (
    r"(?:(?:very|slightly|strongly|mildly|moderately|somewhat|mostly)\s+)?"
    r"(?:positive|negative|neutral|mixed|bullish|bearish)"
)
