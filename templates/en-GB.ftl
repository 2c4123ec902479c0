### The words azint-report writes around the data: British English.
###
### A desk corrects a phrase by copying this file into its `--templates`
### folder under the same name and editing it there; no Rust is rebuilt.
### The copy replaces this file whole, so it must keep every message below
### (it may add its own, for `{{t "id"}}` in its templates), and a message
### may use only the variables given to it here ($from, $count, ...).
###
### Numbers, dates and lists reach these messages already written out the
### CLDR way for en-GB ("2,500", "12 February 2026", "A, B and C"); a
### number given as a number ($count) also chooses a plural form:
###     { $count -> [one] one event *[other] { $count } events }

## Dates. A date's own words (its day, month and year) come from CLDR; these
## join two of them into a span, as briefly as is unambiguous. The dash is
## an en dash, spaced when either side has spaces of its own.

# Days of one month: "11–22 November 2024". $from is the first day's
# number, $until the whole last date.
date-span-days = { $from }–{ $until }
# Days of one year: "3 July – 9 August 2024". $from is the first day and
# month, $until the whole last date.
date-span-days-of-year = { $from } – { $until }
# Months of one year: "March–June 2025". $from is the first month's name,
# $until the last month and the year.
date-span-months = { $from }–{ $until }
# Years: "2024–2026".
date-span-years = { $from }–{ $until }
# Anything else: "December 2024 – February 2025", "2024 – June 2025".
date-span = { $from } – { $until }

## The PDF's own words: headings, labels, and the descriptions that screen
## readers say for links and figures.

# The heading of the table of contents.
contents = Contents
# What a screen reader says for a task list's box.
task-done = Done
task-not-done = Not done
# An image written with no alternative text: $src is its address.
image-without-alt = Image { $src }
# A link of the table of contents: $title is the section's heading.
link-to-section = Go to the section “{ $title }”
# A footnote's number, and the link from a note back to where it is cited:
# $number is the note's number.
link-to-note = Footnote { $number }
link-back-to-note = Back to where footnote { $number } is referred to
# Any other link: $url is its address.
link-to-uri = Link to { $url }
# A link into the document whose page is not known, and a link with no
# target (what screen readers say for its annotation).
link-to-place = Go to a place in this document
link-elsewhere = Link

## The summary's sentences: key findings, overviews, the chronology's
## headings, kinds, partner kinds and regions.


# The chronology's group, in a year of many events, for those begun before
# the period. $year is the year (as text).
chronology-begun-before = Begun before { $year }
# The same, for the events known only to the year. $year as above. (The
# other groups are months, "March 2025", written by CLDR.)
chronology-month-not-known = { $year }, month not known

# An event's kind, in a table of counts: $kind is the name data files use.
kind-name = { $kind ->
    [summit] Summit
    [visit] Visit
    [agreement] Agreement
    [membership] Membership
    [chairmanship] Chairmanship
    [resolution] Resolution
    [programme] Programme
    [contract] Contract
    [infrastructure] Infrastructure
    [mission] Mission
    [statement] Statement
   *[other] Other
}
# A partner's kind, in a table cell or the index: $kind is the name data
# files use.
partner-kind = { $kind ->
    [country] country
    [organisation] international organisation
    [company] company
    [domestic] Azerbaijani body
   *[group] group of states
}
# Partners of one kind counted, after their number ("3 countries"): $kind
# as above, $count the number of partners (it chooses the form).
partner-kind-counted = { $kind ->
    [country] { $count ->
        [one] country
       *[other] countries
    }
    [organisation] { $count ->
        [one] international organisation
       *[other] international organisations
    }
    [company] { $count ->
        [one] company
       *[other] companies
    }
    [domestic] { $count ->
        [one] Azerbaijani body
       *[other] Azerbaijani bodies
    }
   *[group] { $count ->
        [one] group of states
       *[other] groups of states
    }
}
# A region of the partner registry: $region is the name data files use.
region-name = { $region ->
    [europe] Europe
    [south-caucasus] South Caucasus
    [central-asia] Central Asia
    [russia-eastern-europe] Russia and Eastern Europe
    [middle-east] Middle East
    [south-asia] South Asia
    [east-southeast-asia] East and Southeast Asia
    [africa] Africa
    [americas] Americas
   *[oceania] Oceania
}

# The sections' headings.
heading-executive-summary = Executive summary
heading-partners = Partners
heading-timeline = Timeline
heading-top-highlights = Top highlights
heading-highlights = Highlights
heading-related-events = Related events
heading-chronology = Chronology
heading-sources = Sources
heading-partner-index = Index of partners
heading-about = About this briefing


# The captions of the tables (after "Table: ").
table-events-per-pillar = Events per pillar
table-events-by-kind = Events by kind
table-events-by-kind-and-year = Events by kind and year

# The tables' column headings, and the label of their total row.
column-pillar = Pillar
column-events = Events
column-share = Share
column-related = Related
column-kind = Kind
column-partner = Partner
column-pillars = Pillars
column-region = Region
column-counterparts = Counterparts
column-date = Date
column-event = Event
row-total = Total

## The change report: what changed since the issued briefing.

# The change report's heading.
changes-heading = Changes since the issued briefing
# Its opening sentence: $date is the previous briefing's date; $added,
# $removed and $edited count the events.
changes-since = Since the briefing of { $date }: { $added ->
    [one] { $added } event
   *[other] { $added } events
} added, { $removed } removed and { $edited } edited.
# Partners named now and not before, and the reverse: $partners, joined.
changes-partners-new = Partners new since then: { $partners }.
changes-partners-gone = Partners no longer named: { $partners }.
# A pillar's heading: $pillar is its name.
changes-in-pillar = Changes in { $pillar }
# The lines of a pillar's changes: $events, the events' titles joined.
changes-added = Added: { $events }
changes-removed = Removed: { $events }
changes-edited = Edited:
changes-highlights-in = New among the highlights: { $events }
changes-highlights-out = No longer among the highlights: { $events }
# A field of an event as the change report names it: $field is its name
# in the JSON summary with hyphens for spaces (further-pillars), $count
# how many items the sentence is about (0 for the field as a whole).
change-field = { $field ->
    [further-pillars] { $count ->
        [one] further pillar
       *[other] further pillars
    }
    [partners] { $count ->
        [one] partner
       *[other] partners
    }
    [figures] { $count ->
        [one] figure
       *[other] figures
    }
    [sources] { $count ->
        [one] source
       *[other] sources
    }
    [tags] { $count ->
        [one] tag
       *[other] tags
    }
   *[other] { $field }
}
# Items of a list field that came and went: $field is the field's name
# (change-field), $items the items, quoted and joined ("Austria and
# Georgia").
change-items-added = { $field } added: { $items }
change-items-removed = { $field } removed: { $items }
# A list field whose items only changed order: $field as above.
change-reordered = { $field } reordered
# A value replaced: $field as above, $from and $to the values as shown.
change-value = { $field } changed from { $from } to { $to }
# A value no longer there, or not yet.
change-none = (none)
# A value of free text, quoted: $text, perhaps cut short with "…".
change-quoted = “{ $text }”

# The report's helpers: dates, counts, significance and the charts.
#
# A date of an event the source places somewhere in a span: $date is the
# span ("2024–2026").
date-undated = undated, { $date }
# A date that is only planned: $date as written.
date-planned = { $date } (planned)
# A count of things, the form chosen by CLDR's plural rules: $count is the
# count, $one and $other the forms the template gives
# ({{plural n "country" "countries"}}).
count-of = { $count ->
    [one] { $count } { $one }
   *[other] { $count } { $other }
}
# The counts the built-in templates write with {{plural n "word"}}: the
# helper says count-WORD (spaces as hyphens) with $count.
count-event = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
count-file = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
count-pillar = { $count ->
    [one] { $count } pillar
   *[other] { $count } pillars
}
count-partner = { $count ->
    [one] { $count } partner
   *[other] { $count } partners
}
count-distinct-partner = { $count ->
    [one] { $count } distinct partner
   *[other] { $count } distinct partners
}
count-related-event = { $count ->
    [one] { $count } related event
   *[other] { $count } related events
}
count-more-event = { $count ->
    [one] { $count } more event
   *[other] { $count } more events
}
count-most-significant-event = { $count ->
    [one] { $count } most significant event
   *[other] { $count } most significant events
}
count-fact = { $count ->
    [one] { $count } fact
   *[other] { $count } facts
}
# Significance 1 to 5 in words: $level is the number.
significance = { $level ->
    [1] routine
    [2] notable
    [3] significant
    [4] major
    [5] landmark
   *[other] unknown
}
# A count in words, for descriptions read aloud: $count is the number.
count-in-words = { $count ->
    [0] no
    [1] one
    [2] two
    [3] three
    [4] four
    [5] five
    [6] six
    [7] seven
    [8] eight
    [9] nine
    [10] ten
    [11] eleven
    [12] twelve
    [13] thirteen
    [14] fourteen
    [15] fifteen
    [16] sixteen
    [17] seventeen
    [18] eighteen
    [19] nineteen
    [20] twenty
   *[other] { $count }
}
# Events counted in words: $words is the count in words (count-in-words),
# $count the number, which chooses the form.
mermaid-events = { $count ->
    [one] { $words } event
   *[other] { $words } events
}
# The description of a pie chart: $events is the events in words
# (chart-events), $slices each slice (chart-pie-slice), joined.
mermaid-pie = A pie chart of { $events }: { $slices }.
# A slice: $name is the pillar's name, $events its events in words,
# $percent its rounded share.
mermaid-pie-slice = { $name } { $events } ({ $percent } percent)
# The title of a bar chart's value axis.
mermaid-value-axis = Events
# The label of a bar of facts undated within a span: $span ("2024–2026").
chart-bar-undated = undated { $span }
# The description of a bar chart of events per year: $bars is what the bars
# show (chart-bars-*); $first and $last are the first and last labels.
mermaid-bars-from = A bar chart of events per year from { $first } to { $last }: { $bars }.
mermaid-bars-in = A bar chart of events per year in { $first }: { $bars }.
mermaid-bars = A bar chart of events per year: { $bars }.
# One bar: $events is its events in words, $label its label (a year).
mermaid-bar = { $events } in { $label }
# What the bars show: $bars, the bars with events, joined.
mermaid-bars-all = { $bars }
mermaid-bars-some = { $bars }; no events in the other years
mermaid-bars-none = no events
# Bars of named categories (regions), said by the chart's $title (as
# printed, e.g. "Events with a bilateral counterpart, by region"); $bars
# as above, with mermaid-bars-some-named when some are empty.
mermaid-bars-named = A bar chart, { $title }: { $bars }.
mermaid-bars-some-named = { $bars }; none in the others
# The name of a timeline's task: $title is the event's title, $state
# whether it is undated, planned, both (undated-planned), or neither.
mermaid-task = { $state ->
    [undated-planned] { $title } (undated, planned)
    [undated] { $title } (undated)
    [planned] { $title } (planned)
   *[other] { $title }
}
# The description of a timeline: $count events from date $from to $until.
mermaid-timeline = A timeline of { $count ->
    [one] { $count } event
   *[other] { $count } events
} from { $from } to { $until }, one lane per pillar.
# One lane of the timeline: $lane is the pillar's name, $events its events
# (chart-timeline-on, chart-timeline-from) joined with semicolons.
mermaid-timeline-lane = { $lane }: { $events }.
# An event of the timeline on one day, or over days: $title, $date, $from, $until.
mermaid-timeline-on = { $title } on { $date }
mermaid-timeline-from = { $title } from { $from } to { $until }
# An event not known to the day, or undated within a span: $when is its
# date as the data give it ("February 2026", "undated, 2024–2026").
mermaid-timeline-when = { $title }, { $when }

## Charts, their descriptions, and the page furniture (running heads,
## footers, link descriptions, the document's metadata).

# What a chart is, at the head of its description for screen readers.
chart-pie = Pie chart
chart-bars = Bar chart
chart-timeline = Timeline
# A chart with a title: $chart is one of the three above, $title the
# chart's title.
chart-titled = { $chart }, { $title }
# A chart's description: $chart is what it is (titled or not), $data its
# slices, bars or events, each said by a message below and joined by "; ".
chart-described = { $chart }: { $data }.
# A slice of a pie, for screen readers: $label its name, $value its value
# written out, $share its rounded percentage.
chart-pie-slice = { $label } { $value } ({ $share }%)
# A slice in the legend beside the pie: $label, $value, and $share to one
# decimal.
chart-pie-legend = { $label } — { $value } ({ $share }%)
# A bar, for screen readers: $label its name, $value its value.
chart-bar = { $label }: { $value }
# A timeline's events and lanes, counted ($events, $lanes are numbers;
# the English has always said "events" and "lanes", even for one).
chart-timeline-events = { $events } events in { $lanes } lanes
# The same, with the first and last day: $from, $until are dates.
chart-timeline-events-dated = { $events } events in { $lanes } lanes from { $from } to { $until }
# A lane of a timeline and its events (said by the two messages after
# it, joined by "; "): $lane is its name, $events the events.
chart-timeline-lane = { $lane }: { $events }.
# An event of one day: $name, and $date.
chart-timeline-event = { $name } ({ $date })
# An event over days: $name, $from the first day, $until the last.
chart-timeline-event-span = { $name } ({ $from } to { $until })
# After the first 60 events: $count, how many are not said.
chart-timeline-more = And { $count } more.
# The key under a timeline: the marks' sizes, the bars, the dots, the
# hollow marks, and marks drawn as one with their number.
chart-key-significance = Significance, from 1 (least) to 5 (most):
chart-key-spans = a bar: an event over several days
chart-key-undated = dotted: known only to lie within the span
chart-key-planned = hollow: planned, not yet held
chart-key-merged = a number on a mark: so many events, too close to draw apart
# The months on a timeline's axis, short, January first. Not CLDR's
# abbreviations: en-GB's "Sept" is wider than what the axis has always
# printed ("Sep"), so the axis has its own.
chart-axis-month-1 = Jan
chart-axis-month-2 = Feb
chart-axis-month-3 = Mar
chart-axis-month-4 = Apr
chart-axis-month-5 = May
chart-axis-month-6 = Jun
chart-axis-month-7 = Jul
chart-axis-month-8 = Aug
chart-axis-month-9 = Sep
chart-axis-month-10 = Oct
chart-axis-month-11 = Nov
chart-axis-month-12 = Dec
# The running head, at the top of every page but the first: $title is the
# briefing's title, $period the period it covers.
page-head = { $title } · { $period }
# The section named at the right of the running head, when it is a year's
# subsection: $section, and $year the year.
page-head-section-year = { $section } · { $year }
# The footer of every page: $page its number, $pages how many there are.
page-footer = Page { $page } of { $pages }
# What a screen reader says for a page number of the index of partners:
# $number is the page's number.
link-to-page = Go to page { $number }
# The PDF's subject (its document properties): $period is the period.
pdf-subject = Briefing for { $period }

## words
##
## The templates' running sentences (templates/*.md.hbs), each a whole
## sentence. Counts are given as numbers (they choose the plural form);
## dates, periods, percentages and years as text; lists the template builds
## ($sources, $partners, …) as text already joined.

# The logo's alternative text: $organisation is the organisation's name.
logo-of = Logo of { $organisation }
# The same when the dataset names no organisation.
logo = Logo
# The line under the title: $period is the period, $date the briefing's
# date; $organisation and $author as the dataset's [report] gives them
# (four messages: with both, with one of them, with neither).
briefing-by-author = Briefing for **{ $period }**, as of { $date }. Prepared by { $organisation }, { $author }.
briefing-by = Briefing for **{ $period }**, as of { $date }. Prepared by { $organisation }.
briefing-author = Briefing for **{ $period }**, as of { $date }, { $author }.
briefing = Briefing for **{ $period }**, as of { $date }.
# After it, the dataset's reference: $reference.
briefing-reference = Reference { $reference }.

# The executive summary's first sentence: $period; $events, $pillars,
# $partners, $landmarks and $carried (events begun before the period, 0
# for none) are counts.
summary-counts = In { $period } the dataset records { $events ->
        [one] { $events } event
       *[other] { $events } events
    } across { $pillars ->
        [one] { $pillars } pillar
       *[other] { $pillars } pillars
    }, with { $partners ->
        [one] { $partners } distinct partner
       *[other] { $partners } distinct partners
    } and { $landmarks ->
        [one] { $landmarks } event
       *[other] { $landmarks } events
    } of landmark significance{ $carried ->
        [0] {""}
        [one] ; { $carried } event began earlier and runs into the period
       *[other] ; { $carried } events began earlier and run into the period
    }.
# Undated facts of the period: $count.
summary-undated = { $count ->
        [one] { $count } fact is
       *[other] { $count } facts are
    } known only to lie somewhere in the period, without a date of their own (shown as undated).
# Planned events of the period: $count.
summary-planned = { $count ->
        [one] { $count } event is
       *[other] { $count } events are
    } only planned.
# When no event falls in the period: $period.
summary-none = No events in the dataset fall in { $period }.

# Before the tables, with --compare: $period is the other period.
counts-compared = Beside each count, the difference from { $period }, whose counts stand in the last column.

# The charts' titles (also what screen readers hear first).
chart-title-most-significant = Most significant events
chart-title-all-events = Events of the period

# The partners, with the registry: $count partners; $kinds, each kind
# counted ("12 countries"), joined.
partners-named-by-kind = The period's events name { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    }: { $kinds }. The most frequent:
# A kind counted, in that list: $count, and $name, the kind's name for
# that count (partner-kind-counted).
partners-of-kind = { $count } { $name }
# The sentence over the table of regions: $events, the events with a
# bilateral counterpart; $groups, the groups through which one is reached
# (0 when only countries are).
partners-by-region = Bilateral counterparts by region: the countries the events name as partners, not those only mentioned{ $groups ->
        [0] {""}
       *[other] , and the groups they name, by their member countries (or, with none recorded, their own region)
    }; { $events ->
        [one] { $events } event of the period has one
       *[other] { $events } events of the period have one
    }, and an event counts once in each region it reaches.
# Regions without a counterpart: $regions, joined.
partners-regions-without = No bilateral counterpart in { $regions }.
# The partners, without the registry: $count.
partners-named = The period's events name { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    }, as the sources name them; their kinds and regions are not recorded. The most frequent:
# When the period's events name none.
partners-none = The period's events name no partners.
# With --compare: $period is the other period, $new and $absent what the
# four messages after it say.
partners-compared = Compared with { $period }: { $new }; { $absent }.
# $partners, joined.
partners-compared-new = new partners { $partners }
partners-compared-new-none = no new partners
partners-compared-absent = absent { $partners }
partners-compared-absent-none = none absent
# Names cut short: $names, the first ones joined by commas; $more, how
# many are left out.
names-and-more = { $names }, and { $more } more

# Its main partners: $partners, each with its events, joined by commas;
# $more, how many are left out (0 for none); with -regions, $regions, each
# region with its count.
pillar-partners = Main partners: { $partners }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }.
pillar-partners-regions = Main partners: { $partners }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }; bilateral counterparts by region: { $regions }.
# A pillar with no events of its own: $related, the events of other
# pillars that bear on it (0 for none).
pillar-none = No events of this pillar fall in the period{ $related ->
        [0] {""}
        [one] ; { $related } event of other pillars bear on it
       *[other] ; { $related } events of other pillars bear on it
    }.
# The column of a table of years for undated events: $span.
column-undated = Undated, { $span }
# Before a cut list of related events: $shown of $count.
pillar-related-some = The { $shown } most significant of { $count } related events:

# Over the timeline, when it shows the $shown most significant of $total
# events; $undated and $planned count such events of the period (0 for none).
# Both drawings are described by it, the Markdown's Mermaid Gantt and the
# PDF's: how each event is drawn is the PDF's key's and the Gantt's own
# (undated and planned events by name), so this says only what is drawn
# (issue 27, item 2: the key is not repeated).
timeline-some = The { $shown ->
        [one] { $shown } most significant event
       *[other] { $shown } most significant events
    } of the { $total } of the period, one lane per pillar{ $undated ->
        [0] { $planned ->
            [0] {""}
           *[other] , plans included
        }
       *[other] { $planned ->
            [0] , undated facts included
           *[other] , undated facts and plans included
        }
    }.
# The same when it shows all $total events.
timeline-all = { $total ->
        [one] The one event
       *[other] All { $total } events
    } of the period, one lane per pillar{ $undated ->
        [0] { $planned ->
            [0] {""}
           *[other] , plans included
        }
       *[other] { $planned ->
            [0] , undated facts included
           *[other] , undated facts and plans included
        }
    }.

# The chronology's heading of a year: $year (as text).
chronology-year = Events of { $year }
# The heading of undated events, and the sentence under it: $span.
chronology-undated = Undated, { $span }
chronology-undated-note = The source places these somewhere in { $span } without a date of their own.
# When no event falls in the period.
chronology-none = No events fall in the period.
# A planned event's title in a table: $title.
event-planned = { $title } (planned)

# A highlight's partners ($partners, joined), figures ($figures, joined by
# semicolons) and sources ($sources, likewise).
highlight-partners = **Partners:** { $partners }
highlight-figures = **Figures:** { $figures }
highlight-sources = **Sources:** { $sources }
# An approximate figure: $value, written out.
figure-about = about { $value }

# The index of partners, its opening: $shown, the events listed at most
# for a partner.
index-intro = Every body the period's events name, with its events (the { $shown ->
        [one] most significant one
       *[other] { $shown } most significant
    } where there are more) by pillar and date; Azerbaijan's own bodies and names only mentioned are marked.
# A partner's events left out: $count.
index-more = and { $count ->
        [one] { $count } more event
       *[other] { $count } more events
    }

# A source in the list of sources: $source (its name, linked), $addresses
# (its addresses, said when more than one), $events (the events citing it);
# with -published, $date, when it was published.
source = { $source }{ $addresses ->
        [0] {""}
        [1] {""}
       *[other] , { $addresses } addresses
    }: cited by { $events ->
        [one] { $events } event
       *[other] { $events } events
    }
source-published = { $source }, published { $date }{ $addresses ->
        [0] {""}
        [1] {""}
       *[other] , { $addresses } addresses
    }: cited by { $events ->
        [one] { $events } event
       *[other] { $events } events
    }

# About this briefing, for a reader: $events and $pillars in the
# dataset (not its files: those are the analyst's, whom `check` tells);
# $in_period, the events of the
# period; $from and $until, its first and last day.
about-compiled = This briefing covers { $from } to { $until }: { $in_period ->
        [one] the { $in_period } event
       *[other] the { $in_period } events
    }, of the { $events } recorded in { $pillars ->
        [one] { $pillars } pillar
       *[other] { $pillars } pillars
    }, held or planned in that time, wholly or in part. Counts by year go by the year an event began; dates keep the source's precision, a month or a year where no day is known.

## Drafts and issued briefings: the DRAFT mark, and the change report's
## title and opening line.
# The quiet mark in the foot of every page of a briefing not issued yet
# (right of the page number), and at the top of its Markdown. No variables.
draft-mark = DRAFT
# What follows the mark at the top of a draft's Markdown. No variables.
draft-note = — not issued
# The title of the change report beside the briefing
# (azint-briefing-2024-2026.changes.md): $title is the briefing's title,
# $period the period it covers.
changes-report-title = { $title }: changes to the briefing for { $period }
# The first line of the changes, with the date the briefing compared with
# was issued ($date, worded) and, in the second form, its reference
# ($reference); $added, $removed and $edited count the events.
changes-since-issued = Since the briefing issued on { $date }: { $added ->
    [one] { $added } event
   *[other] { $added } events
} added, { $removed } removed and { $edited } edited.
changes-since-issued-reference = Since the briefing issued on { $date } ({ $reference }): { $added ->
    [one] { $added } event
   *[other] { $added } events
} added, { $removed } removed and { $edited } edited.
# When the issued briefing's data are not this run's (another data folder,
# other pillars or another period): $date as above, $source where the
# issued briefing's data came from, and in the second form $reference.
changes-different-dataset = This run compares a different dataset: the briefing issued on { $date } came from { $source }, so no changes are listed.
changes-different-dataset-reference = This run compares a different dataset: the briefing issued on { $date } ({ $reference }) came from { $source }, so no changes are listed.

## judgements

## The analyst's key judgements (issue 25) and the scale the about-note
## gives for them. A judgement's own text is the analyst's, not here.

# The heading of the section that opens a briefing whose data hold
# judgements.
heading-key-judgements = Key judgements
# The sentence after a judgement: its confidence, said apart from its
# likelihood (ICD 203). $confidence is `low`, `moderate` or `high`.
judgement-confidence = Confidence: { $confidence ->
    [low] low
    [moderate] moderate
   *[high] high
}.
# The events a judgement rests on: $evidence the list of their titles,
# each linked to its place in the briefing; $count how many.
judgement-evidence = { $count ->
    [one] Evidence
   *[other] Evidence
}: { $evidence }.
# Said of a judgement none of whose evidence falls in the period.
judgement-outside-period = Its evidence lies outside the period of this briefing.
# The about-note's sentence on the scale: $scale the words and their
# ranges, joined (likelihood-range).
about-likelihood = The key judgements state their likelihood in the words of the estimative scale of ICD 203 (US Intelligence Community Directive 203, Analytic Standards): { $scale }. Each judgement's confidence (low, moderate or high) is the analyst's, stated in a sentence of its own.
# One word of the scale with its range: $likelihood names the word (dashed,
# as `roughly-even-chance`), $from and $to are percentages.
likelihood-range = { $likelihood ->
    [almost-no-chance] almost no chance
    [very-unlikely] very unlikely
    [unlikely] unlikely
    [roughly-even-chance] roughly even chance
    [likely] likely
    [very-likely] very likely
   *[almost-certain] almost certain
} ({ $from }–{ $to }%)
# The change report's line for a judgement whose own keys (text,
# likelihood, confidence, evidence, pillar) were edited. $judgement is its
# id (or its place in the data).
changes-judgement-edited = Judgement { $judgement } edited.
# The change report's line for a judgement whose evidence changed and is
# not yet reviewed: $judgement as above, $event the changed event's id,
# $fields the names of its changed fields, joined, and $count how many
# (0 when they are not known: the event is outside the briefing).
changes-judgement-review = Review: the evidence of judgement { $judgement } changed: { $count ->
    [0] { $event }
   *[other] { $fields } of { $event }
}.
# The same, when the judgement's `reviewed` date settles it.
changes-judgement-reviewed = Reviewed: the evidence of judgement { $judgement } changed ({ $event }), and the judgement was reviewed since.

## Key figures: what the counts say, when the data hold no judgements
## (issue 25, item 5). Figures only, no evaluative word: a lead, a busiest
## year or a most active pillar would rest on a tie, a plan or a span.

# The line over the key figures (Markdown).
key-figures = **Key figures**, from the counts below:
# The pillar with the most events, when one has more than any other.
# $pillar is its name, $count its events, $total the period's events,
# $percent its share (rounded, no % sign), $planned how many of its events
# are only planned.
figure-pillar-events = { $pillar }: { $count } of the { $total } events ({ $percent }%){ $planned ->
    [0] {""}
    [one] , { $planned } of them planned
   *[other] , { $planned } of them planned
}.
# The pillar with the most landmark events (significance 5), when one has
# more than any other. $pillar is its name, $count its landmarks, $all the
# period's.
figure-pillar-landmarks = { $pillar }: { $count } of the { $all } landmark events.
# The year in which the most dated events began, counting only events that
# began inside the period, when one year has more than any other. $year is
# the year (as text: "2025"), $count its events, $dated the dated events
# begun in the period.
figure-year-began = Begun in { $year }: { $count } of the { $dated } dated events that began in the period (plans not counted).

## sources
# The first page's provenance sentence when the period's events all rest on
# one source (issue 25): $events the events (a number), $source the
# source's name, $graded 1 when it carries a reliability grade and 0 when
# not, $grade that grade (a letter, A to F), $notes how many notes the
# source gives of itself (its funding, say; 0 or more), $note those notes
# (without their final full stops, joined by semicolons).
provenance-one = { $events ->
        [one] The one event rests
       *[other] All { $events } events rest
    } on one { $graded ->
        [0] ungraded source
       *[other] source graded { $grade } on the Admiralty scale
    }, { $source }{ $notes ->
        [0] {""}
       *[other] , which notes: “{ $note }”
    }.
# The same when they rest on several sources: $events the events, $sources
# the sources (numbers), $single the events resting on one source alone,
# $graded the sources carrying a reliability grade, $grades their grades
# (a list, "B and C"), $ungraded the sources without one, $notes how many
# notes the sources give of themselves, $note those notes, each said with
# provenance-note and joined by semicolons.
provenance-many = The { $events } events rest on { $sources } sources, { $single ->
        [0] none of them on one source alone
       *[other] { $single } of them on one source alone
    }; { $graded ->
        [0] the sources are ungraded
       *[other] the sources are graded { $grades } on the Admiralty scale{ $ungraded ->
            [0] {""}
           *[other] , { $ungraded } ungraded
        }
    }{ $notes ->
        [0] {""}
       *[other] ; { $note }
    }.
# One source's note of itself in provenance-many: $source its name, $note
# the note (without its final full stop).
provenance-note = { $source } notes: “{ $note }”
# After a source of the registry in the Sources section: $kind what sort
# of publisher it is (state media, media, wire, official, academic, ngo or
# other), $grade its reliability grade on the Admiralty scale (A to F), or
# empty when the desk has not graded it.
source-registry = { $kind ->
        [media] a news outlet
        [wire] a news agency
        [official] an official source
        [academic] an academic source
        [ngo] a non-governmental organisation
       *[other] { $kind }
    }, { $grade ->
        [A] reliability A Completely reliable
        [B] reliability B Usually reliable
        [C] reliability C Fairly reliable
        [D] reliability D Not usually reliable
        [E] reliability E Unreliable
        [F] reliability F Reliability cannot be judged
       *[none] not graded for reliability by the desk
    }
# An event's title wherever it is printed (highlights, related events, the
# chronology, the timeline, the index of partners), with who says so when
# the source hedges the fact and with the figure that is the fact: $title
# the title, $attribution the event's attribution ("international
# reporting suggests"), $figure its lead figure as event-figure says it.
event-title-attributed = { $title } ({ $attribution })
event-title-figure = { $title } ({ $figure })
event-title-attributed-figure = { $title } ({ $attribution }; { $figure })
# An event's lead figure: $label the figure's label ("Annual volume"),
# $value its value, "about" before an approximate one (figure-about), and
# in the second form $unit its unit ("bcm/yr").
event-figure = { $label }: { $value }
event-figure-unit = { $label }: { $value } { $unit }

## What to watch

# The line over the short list, near the top of the executive summary, of
# planned events whose date has not passed and spans still running at the
# report's date (Markdown): $date the report's date ("12 February 2026").
watch-heading = **What to watch** on { $date }: plans ahead, spans still running

## facts
# The about-note's sentence on how the briefing picks its most significant
# events (highlights; a cut list of related events or of a partner's
# events) and breaks their ties, the rule of summary::highlights (issue 25, item 8). No
# variables.
about-highlights = Highlights are each pillar's most significant events (5 highest); of equal significance, an event that happened comes before one only planned, then the later start before the earlier (an undated fact starts with its span), then the title in alphabetical order. A shortened list (the timeline, a pillar's other or related events, a partner's events) keeps by the same rule.

## judge

# After a judgement whose evidence all rests on one source (issue 25): the
# single-source mark. $source the source's name.
judgement-single-source = Single-source: all its evidence rests on { $source }.
# The about-note's sentence on the single-source mark, after the scale of
# likelihood. No variables.
about-single-source = A judgement marked single-source rests wholly on events that cite one and the same source: no other source in the data corroborates it.
# After a source cited with the information's credibility on the Admiralty
# scale, in a highlight's source line: $credibility the grade, 1 to 6, said
# with the scale's published wording.
citation-credibility = information { $credibility ->
        [1] 1 Confirmed by other sources
        [2] 2 Probably true
        [3] 3 Possibly true
        [4] 4 Doubtful
        [5] 5 Improbable
       *[6] 6 Truth cannot be judged
    }
# In the Sources section, after a source: the credibility its citations
# give the information; $grades each grade said with
# source-credibility-grade, joined.
source-credibility = information graded { $grades }
# One credibility grade in source-credibility: $grade 1 to 6 with the
# scale's published wording, $events how many events cite the source so.
source-credibility-grade = { $grade ->
        [1] 1 Confirmed by other sources
        [2] 2 Probably true
        [3] 3 Possibly true
        [4] 4 Doubtful
        [5] 5 Improbable
       *[6] 6 Truth cannot be judged
    } ({ $events ->
        [one] { $events } event
       *[other] { $events } events
    })
# The about-note's sentence on the Admiralty scale, when a source is graded
# or a citation gives a credibility, in the scale's published wording. No
# variables.
about-admiralty = Sources are graded on the Admiralty scale, the source's reliability by a letter (A Completely reliable, B Usually reliable, C Fairly reliable, D Not usually reliable, E Unreliable, F Reliability cannot be judged) and the information's credibility by a number (1 Confirmed by other sources, 2 Probably true, 3 Possibly true, 4 Doubtful, 5 Improbable, 6 Truth cannot be judged); both are the desk's judgement.
# The change report's line for a judgement new since the issued briefing,
# and for one gone since: $judgement its id (or its place in the data).
changes-judgement-added = Judgement { $judgement } added.
changes-judgement-removed = Judgement { $judgement } removed.
# A pillar's table: the name of the row of its planned events, counted in
# the columns of their dates (issue 25, item 6). No variables.
row-planned = of them planned
# A count of events some of which are only planned (tables of events per
# pillar and per kind): $count all of them, $planned the planned ones.
count-planned = { $count } ({ $planned } planned)
# A pie slice's name when some of its events are only planned: $name the
# pillar's name, $planned the planned ones.
slice-planned = { $name } ({ $planned } planned)
# Partners a ranking leaves out rather than cut inside a tie, said by
# their numbers (issue 25, item 6): $count of them, each named by $events
# events; or by $least to $most events.
partners-at-each = { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    } at { $events ->
        [one] one event
       *[other] { $events } events
    } each
partners-at-range = { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    } at { $least } to { $most } events each
# After the table of the most frequent partners: $rest, one of the two
# messages above.
partners-rest = Further, { $rest }.
# The partners, with the registry, when all of them tie (no table):
# $count partners, $kinds each kind counted, $rest as above.
partners-named-by-kind-tied = The period's events name { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    }: { $kinds }; { $rest }.
# The same without the registry: $count, $rest.
partners-named-tied = The period's events name { $count ->
        [one] { $count } partner
       *[other] { $count } partners
    }, { $rest }. The dataset has no `[[partner]]` registry, so partners are free text: their kinds and regions are not known.
# A pillar's partners when some are left out: $partners the main ones with
# their events, $rest the others (partners-at-each or -range), with
# -regions $regions each region with its count.
pillar-partners-rest = Main partners: { $partners }; further, { $rest }.
pillar-partners-rest-regions = Main partners: { $partners }; further, { $rest }; bilateral counterparts by region: { $regions }.
# A pillar's partners when all of them tie: $rest ("13 partners at one
# event each"), and with -regions $regions.
pillar-partners-tied = { $rest }.
pillar-partners-tied-regions = { $rest }; bilateral counterparts by region: { $regions }.
# A partner with its events, in a pillar's line: $name, $count.
partner-with-count = { $name } ({ $count })
# A region with its events, in a pillar's line: $name, $count.
region-with-count = { $name } { $count }
# A partner an event only mentions, in the event's list of partners
# (role `mentioned`): $name.
partner-mentioned = { $name } (mentioned)

## frame
# The chronology's heading over the events begun before the period's first
# year and still under way in it: $year, that first year (as text).
chronology-before = Begun before { $year }
# The timeline's key, for the bands of events known only to the month or
# the year (issue 27, item 5). No variables.
chart-key-bands = a band: known only to the month or year
# A dense timeline's cell, in Mermaid's bar and the PDF's text: $count,
# the events begun in a month (or known only to a year) in one lane.
timeline-cell = { $count ->
        [one] { $count } event
       *[other] { $count } events
    }
# A dense timeline's description for screen readers: $count events in
# $lanes lanes, $from and $until the period's first and last years.
timeline-dense-alt = Events per month and pillar: { $count } events in { $lanes } lanes from { $from } to { $until }, counted by the month each began in; those known only to the year by year.
# Over a dense timeline: $total, the events of the period; $undated and
# $planned as for timeline-all.
timeline-dense = { $total } events of the period, too many to draw one by one: one lane per pillar, each month's cell shaded and numbered by the events begun in it{ $undated ->
        [0] {""}
       *[other] ; facts known only within a span are left out
    }; events known only to the year are counted in a band across it.
# The key of a dense timeline's cells. No variables.
chart-key-cells = a cell: events begun in that month, darker for more

## geo
# The partner map's title (PDF and SVG). No variables.
map-title-partners = Partner countries by events
# The route map's title. No variables.
map-title-routes = Corridors and routes
# The heading of the partner map's panel of the region. No variables.
map-inset = South Caucasus and neighbours
# The heading of the partner map's legend. No variables.
map-legend-partners = Events with the partner
# A class of the legend: $from and $to, counts of events ("3–4").
map-class = { $from }–{ $to }
# A class of one count: $count ("1").
map-class-one = { $count }
# The legend's entry for countries without events. No variables.
map-class-none = None
# The heading of the list of partners without a country beside the map.
# No variables.
map-others = Without a country
# An entry of that list: $name the partner, $count its events.
map-other = { $name } ({ $count })
# The end of that list when it does not fit: $count partners not shown.
map-others-more = and { $count } more
# The source line under each map. No variables.
map-source = Boundaries: Natural Earth; their depiction implies no endorsement.
# A route in the route map's legend: $name the route, $kind its kind
# (map-kind-*).
map-route = { $name } ({ $kind })
# The kinds of route. No variables.
map-kind-rail = rail
map-kind-pipeline = pipeline
map-kind-sea = sea
map-kind-road = road
map-kind-multimodal = multimodal
map-kind-other = route
# The scale bar's label: $km kilometres.
map-scale = { $km } km
# The partner map's description for screen readers: $countries how many
# partner countries, $subject the subject country, $regions each region's
# countries (map-alt-region, joined).
map-alt-partners = A world map of { $countries } partner countries shaded by their events, { $subject } hatched. By region: { $regions }.
# A region in that description: $region its name, $countries its countries
# (map-alt-country, joined).
map-alt-region = { $region }: { $countries }
# A country in that description: $name, $count its events.
map-alt-country = { $name } ({ $count })
# The partners without a country, after the regions: $others (map-other,
# joined).
map-alt-others = Without a country: { $others }.
# The route map's description: $count routes, $routes each route
# (map-alt-route, joined).
map-alt-routes = A map of { $count } routes. { $routes }
# A route in that description: $name, $kind (map-kind-*), $places its
# places in order.
map-alt-route = { $name } ({ $kind }): { $places }.
# The captions of the tables under the maps (their content for readers
# without images). No variables.
map-table-partners = Partner countries and their events
map-table-routes = Routes and their places, in order
# The columns of the maps' tables in the Markdown. No variables.
map-column-country = Country
map-column-route = Route
map-column-places = Places, in order
# The subject country's name, as the maps mark it. No variables.
subject-country = Azerbaijan

## makeup

# The part heading over the annexes (chronology, sources, index of
# partners, about-note), which open on a new page. No variables.
heading-annexes = Annexes
# One related event in a pillar's run of related events, which are
# joined by semicolons into one paragraph: $title and $date (as printed);
# its own pillar is said once, in the chronology.
related-event-run = { $title } ({ $date })

## facts2
# Before the partner analysis's first sentence when the events name more
# than their partners (issue 25): $named, every name the period's events
# give; $own, Azerbaijan's own bodies among them; $mentioned, those only
# mentioned; $count, the partners left.
partners-not-counted = Of the { $named } bodies the period's events name, { $own ->
        [0] {""}
        [one] { $own } is Azerbaijan's own
       *[other] { $own } are Azerbaijan's own
    }{ $own ->
        [0] {""}
       *[other] { $mentioned ->
            [0] {""}
           *[other] {" "}and{" "}
        }
    }{ $mentioned ->
        [0] {""}
        [one] { $mentioned } is only mentioned
       *[other] { $mentioned } are only mentioned
    }: not counted among the { $count } partners.
# A key figure when no pillar leads alone on what happened (a tie, or a
# lead that rests on plans): $pillars, each pillar as figure-pillar-each
# says it, joined by commas.
figure-pillar-all = Events per pillar: { $pillars }.
# One pillar in that figure: $pillar its name, $count its events, $planned
# the planned ones among them (0 for none).
figure-pillar-each = { $pillar } { $count }{ $planned ->
        [0] {""}
       *[other] {" "}({ $planned } planned)
    }
# One of Azerbaijan's own bodies (registry kind `domestic`) an event names,
# in the event's list of partners, after its partners: $name.
partner-own = { $name } (Azerbaijani body)

## maps2

# A route in the route map's legend, with its places in order: $name the
# route's name, $kind its kind (map-kind-*), $places its places' names
# joined by " – ".
map-route-places = { $name }, { $kind }: { $places }

## pages4

# The heading over a pillar's events that are not among its highlights,
# each a short entry with its summary.
heading-other-events = Other events
# In an event's date line or entry, the other pillars it bears on:
# $pillars, their short names joined ("Energy and Multilateral").
event-also = also { $pillars }
# Under the partner map: where each partner's events are listed.
map-see-index = Each partner's events are listed under its name in the annexes.
# The caption of the overview's table of each pillar's events by the year
# they began and by kind, when a table of events per pillar against a
# --compare period stands before it.
table-events-by-year-and-kind = Events per pillar by year and by kind
# Before a pillar's other events cut short (a dataset of thousands): $shown
# of $count.
pillar-rest-some = The { $shown } most significant of its { $count } other events.

## hardtpl

# In the change report, a figure that is its event's lead figure (`lead =
# true`): $figure, the figure as the report shows it ("Budget: about 2.5").
changes-figure-lead = { $figure } (the lead figure)
