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
# The labels of GitHub's alerts (> [!NOTE] and so on).
callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution
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

## The summary's sentences: key findings, overviews, the chronology's
## headings, kinds, partner kinds and regions.

## The change report: what changed since the previous briefing.

## Charts, their descriptions, and the page furniture (running heads,
## footers, link descriptions, the document's metadata).
