"""Data tables of attribution: reporting verbs, noun cues, titles, roles, gender cues.

Tables only, no logic: `newsfacts.claims.speakers` and `newsfacts.claims.people` compile them.
Verbs are listed by base form; regular inflections (-s, -ed, -ing) are generated, irregular and
doubled forms are written out after a colon ("admit:admits,admitted,admitting").
"""

from __future__ import annotations

# Verbs that report speech with nothing else around them: "Smith said the deal is done."
BARE_VERBS = "say:says,said,saying tell:tells,told,telling state"

# Verbs that report speech only with its words next to them: a "that" clause, a colon, or a
# quotation before or after ("“We will win,” she vowed"; "Tapper insists the moves were “unethical”").
# Several double as nouns or take other objects ("notes", "added value", "called the meeting"),
# hence the complement test.
COMPLEMENT_VERBS = """
    add argue assert ask:asks,asked,asking announce acknowledge admit:admits,admitted,admitting
    accuse allege answer agree blast brag blame boast call caution charge chide claim complain
    comment concede conclude confirm contend continue counter cry:cries,cried,crying declare deny:denies,denied,denying
    describe emphasize emphasise estimate exclaim explain insist joke lament maintain mock mention
    note object observe offer plead point predict proclaim promise protest quip:quips,quipped,quipping
    recall remember recount reaffirm affirm reiterate remark reply:replies,replied,replying report respond
    retort reveal scoff shout slam:slams,slammed,slamming snap:snaps,snapped,snapping stress suggest
    testify:testifies,testified,testifying tweet post write:writes,wrote,writing,written
    warn vow pledge urge whisper yell thunder concur muse ponder sigh lash
    criticize criticise praise deride dismiss decry hail label brand attack
    recommend demand confess clarify:clarifies,clarified,clarifying
    email e-mail text wonder worry:worries,worried,worrying fret:frets,fretted,fretting
    think:thinks,thought,thinking believe react retaliate chant read:reads,read,reading interject
    fume rail scold taunt tease gush marvel rave jab:jabs,jabbed,jabbing vent dub:dubs,dubbed,dubbing
    put:puts,put,putting
    express
    bark beam boom intone opine bellow growl hiss snipe:snipes,sniped,sniping tout exult roar grumble gripe
    beg:begs,begged,begging implore inquire query:queries,queried,querying assure scream holler sneer
    chuckle rant lecture preach gloat
    """

# Verbs whose speech complement is what they are followed by: "called the plan “reckless”",
# "labeled him “dangerous”" need a quotation in the same clause, never a "that".
QUOTE_ONLY_VERBS_TEXT = """
    call calls called calling label labels labeled labelled labeling branded brand brands describe
    describes described describing attack attacks attacked attacking praise praises praised praising
    hail hails hailed hailing mock mocks mocked mocking dismiss dismisses dismissed dismissing blast
    blasts blasted blasting slam slams slammed slamming deride derides derided decry decries decried
    criticize criticizes criticized criticise criticises criticised continue continues continued
    continuing offer offers offered offering post posts posted text texts texted email emails
    emailed e-mail e-mailed put puts putting express expressed expresses expressing answer answers
    answered think thinks thought believe believes believed point points pointed lash lashes lashed
    read reads reading dub dubs dubbed dubbing
    """

# Two-word cues that report the words of a quotation next to them, like the quote-only verbs
# ("“Let me talk,” Trump shot back.", "Fallon fired back: “...”", "“...,” she went on."),
# separated by commas.
PHRASAL_VERBS_TEXT = """
    shot back, shoots back, shooting back, fired back, fires back, firing back, hit back, hits back,
    hitting back, went on, goes on, chimed in, chimes in, chiming in, cut in
    """

# Verbs of beginning: a cue only right after the quotation they report ("“...,” he began.") or
# before a colon ("She began: “...”"), never with a quotation further on ("started selling “green” bonds").
BEGIN_VERBS = "began begins started starts"

# Role nouns that stand for a titled person named earlier ("the senator" after "Sen. Bernie
# Sanders"): the role, then the titles that give it.
ROLE_TITLES = {
    "senator": "Sen. Senator Sen",
    "governor": "Gov. Governor Gov",
    "congressman": "Rep. Representative Congressman Rep",
    "congresswoman": "Rep. Representative Congresswoman Rep",
    "representative": "Rep. Representative Rep",
    "president": "President",
    "secretary": "Secretary",
    "minister": "Minister",
    "chancellor": "Chancellor",
    "mayor": "Mayor",
    "judge": "Judge",
    "justice": "Justice",
    "ambassador": "Ambassador",
    "general": "General Gen.",
    "chairman": "Chairman Chair",
    "chairwoman": "Chairwoman Chair",
    "chair": "Chair Chairman Chairwoman",
    "speaker": "Speaker",
    "premier": "Premier",
    "commissioner": "Commissioner",
    "professor": "Professor Prof.",
    "pope": "Pope",
    "king": "King",
    "queen": "Queen",
}

# Participles that open a sentence and go on with the previous speaker: "Adding, “...”".
RESUMING_CUES = "Adding Noting Continuing Concluding Saying Writing Explaining Insisting Warning"

# Noun cues that name a source after them: "according to X", "quoting X".
SOURCE_CUES = ("according to", "quoting", "citing")

# Titles and honorifics in front of a name ("Treasury Secretary Scott Bessent"): not the name.
TITLES = """
    President Prime Minister Secretary Treasury Finance Foreign Defense Defence Economic Security Trade
    Chief Executive Cabinet Deputy Vice Chancellor Governor Senator Sen. Rep. Representative Mr. Mrs.
    Ms. Miss Dr. Prof. Professor Ambassador General Gen. Chairman Chairwoman Chair CEO CFO COO Director
    Spokesperson Spokesman Spokeswoman King Queen Prince Princess Pope Judge Justice Mayor Commissioner
    Speaker Premier Leader Lord Lady Sir Dame Former Senior Acting Interior Commerce State Labor Labour
    Health Education Energy Agriculture Transport Environment Chairperson Lt. Col. Gov. Minister-President
    Congressman Congresswoman Councilman Councilwoman Councillor Councilor Attorney Sheriff
    Officer Sgt. Capt. Adm. Rev. Reverend Father Sister Brother Rabbi Imam Bishop Cardinal Coach
    Manager Founder Co-founder Analyst Economist Strategist Editor Reporter Correspondent Anchor Host
    Candidate Nominee Commander Colonel Captain Lieutenant Sergeant Admiral Majority Minority Whip
    Press Campaign National Republican Democratic Democrat GOP U.S. US Federal Fed Central Supreme
    Assistant Associate Managing Principal Special Lead Head President-elect Vice-President
    Rep Sen Gov Mr Mrs Ms Dr Ex-
    """

# Of those, the words that qualify a title ("National Security Adviser", "Federal Reserve Chair")
# and never stand alone before a surname: "National Beverage" is a name (party words and "Chief",
# "Deputy", "Former" do stand before one: "Republican Cruz", "Chief Rivera").
MODIFIER_TITLES = """
    National Federal Central State Press Campaign U.S. US Supreme Majority Minority Senior Acting
    Interior Commerce Labor Labour Health Education Energy Agriculture Transport Environment Economic
    Security Trade Treasury Finance Foreign Defense Defence Cabinet Vice Executive Managing Principal
    Special Lead Associate Assistant
    """

# Lower-case role words that can stand between a verb and a name ("said national finance director
# Dennis Cheng", "said 9/11 widow Terry Strada"): skipped on the way to the name.
ROLE_WORDS = """
    director spokesperson spokesman spokeswoman secretary minister chairman chairwoman chair ceo
    president governor senator representative adviser advisor aide analyst economist strategist
    professor researcher fellow official officer manager founder executive attorney lawyer widow
    widower mother father son daughter wife husband brother sister candidate nominee commissioner
    mayor leader chief head deputy coordinator organizer organiser activist voter resident supporter
    host anchor editor reporter correspondent columnist author writer pollster consultant operative
    treasurer chancellor justice judge commander general coach player owner partner
    member staffer volunteer worker employee veteran student teacher doctor nurse expert engineer
    scientist trader banker investor farmer pilot driver
    """

# Head nouns of descriptive speakers that are not people: "the filing says", "the network said".
DESCRIPTIVE_HEADS = """
    report reports statement statements filing filings book letter memo memorandum study survey poll
    paper newspaper daily weekly magazine outlet network channel station website site blog agency
    ministry department office company firm bank group campaign committee commission council court
    lawsuit complaint indictment ruling order document documents release announcement post tweet
    email message video ad advertisement analysis note notice article editorial column board
    government administration union party team club league organization organisation institute
    association coalition foundation spokesperson spokesman spokeswoman source sources official
    officials aide aides adviser advisers advisor advisors analyst analysts expert experts economist
    economists researchers people critics supporters voters residents lawmakers leaders executives
    investors traders strategists observers authorities police prosecutors lawyers attorneys
    attorney lawyer judge witnesses witness insiders diplomats members member representatives
    representative officer officers staff staffers insider manager managers employee employees
    businessman businesswoman mogul billionaire tycoon magnate neurosurgeon surgeon physician narrator
    publication tabloid broadcaster town city county audience crowd protesters demonstrators
    activists lawmaker frontrunner front-runner actress actor star singer comedian pope cleric pastor
    priest bishop moderator panel jury prosecutor justices plaintiffs defendant republican democrat
    republicans democrats
    """

# Auxiliaries and common irregular verbs that, right after a name, make it the subject of its clause
# ("..., but Christie wasn't having it", "Rubio told"), beside any -ed or -s form.
SUBJECT_VERBS = """
    is was has had will would can could did does told said says spoke made took gave went came met
    won lost got wants thinks knows wasn’t isn’t didn’t wasn't isn't didn't
    """

# Pronouns a speaker can be.
PRONOUNS = {"he": "m", "she": "f", "they": None, "him": "m", "her": "f"}

# Gender cues in front of a name.
MALE_CUES = "Mr. Mr Sir King Prince Lord Father Brother Congressman Councilman Chairman Spokesman Rev."
FEMALE_CUES = "Mrs. Mrs Ms. Ms Miss Dame Queen Princess Lady Sister Congresswoman Councilwoman Chairwoman Spokeswoman"

# Common given names, for the gender a pronoun has to agree with. A name not listed has no known
# gender and agrees with either pronoun.
MALE_NAMES = """
    aaron adam alan albert alex alexander andrew anthony antonio arthur barack ben benjamin bernie
    bill billy bob bobby brad brandon brett brian bruce carl carlos charles charlie chris christopher
    chuck craig dan daniel danny dave david dennis dick don donald doug douglas ed eddie edward elon
    eric frank fred gary george gerald glenn greg gregory harry henry howard ian jack jacob jake james
    jamie jared jason jay jeb jeff jeffrey jeremy jerome jerry jim jimmy joe joel john johnny jon
    jonathan jordan jose joseph josh joshua juan justin keith ken kenneth kevin kyle larry lee luis
    marco mario mark martin matt matthew michael mike mitch mitt nathan neil nicholas nick noah paul
    pete peter phil philip ralph randy ray raymond reince richard rick rob robert roger ron ronald
    roy rudy russell ryan sam samuel scott sean stephen steve steven ted terry thomas tim timothy tom
    tony travis troy tyler vladimir walter wayne william xi yoshihide shinzo fumio emmanuel olaf
    rishi keir boris narendra recep jair andres javier sergio hakeem rand
    """
FEMALE_NAMES = """
    abigail alexandria alice alison amanda amy andrea angela ann anna anne barbara betsy betty beth
    carly carol caroline catherine cathy charlotte cheryl christina christine claire cynthia dana
    deborah debbie diana diane donna dorothy elaine elizabeth ellen emily emma erin eva fiona grace
    hannah heather helen hillary huma ivanka jane janet janice jean jennifer jessica jill joan joanne
    joy judith judy julia julie karen kate katherine kathleen kathy kay kelly kellyanne kim kimberly
    kirsten kristen laura lauren linda lisa liz lori louise lynn madeleine margaret maria marie marsha
    martha mary megan megyn melania melissa michelle monica nancy nicole nikki olivia pam pamela patricia
    patty paula rachel rebecca rosa ruth sabrina samantha sandra sarah sharon shirley sonia sophie
    stephanie sue susan suzanne tammy teresa theresa tina tulsi valerie victoria virginia wendy
    zoe sanae ursula giorgia kamala jacinda marine
    """
