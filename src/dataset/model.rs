//! The validated dataset: what the rest of the pipeline works on.
//!
//! Everything here has passed every rule of the data contract
//! (`docs/dataset.md`): ids are unique and well formed, pillars exist,
//! dates exist and spans run forwards.

use chrono::NaiveDate;
use serde::Serialize;

use crate::date::PartialDate;

/// The whole dataset, merged from every file.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub report: ReportMeta,
    /// In report order: by `order` where given, else by file order.
    pub pillars: Vec<Pillar>,
    /// In file order.
    pub events: Vec<Event>,
    /// The `[[partner]]` registry in file order; empty when the dataset
    /// has none (then event partners are free text). With a registry, every
    /// event's `partners` holds registry names only (issue 13).
    pub partners: Vec<Partner>,
    /// The analyst's `[[judgement]]`s in file order (issue 25); empty in
    /// the default data.
    pub judgements: Vec<super::judgements::Judgement>,
    /// The `[[source]]` registry in file order; empty when the dataset has
    /// none (then events give their sources inline). Events citing an entry
    /// by id carry a copy of it ([`Source::id`] set).
    pub sources: Vec<Source>,
    /// The `[[place]]`s in file order (issue 26); empty when the dataset
    /// has none.
    pub places: Vec<super::places::Place>,
    /// The `[[route]]`s in file order, each through places of `places`.
    pub routes: Vec<super::places::Route>,
    /// The language the texts were resolved to, and those that fell back
    /// to the dataset's language (issue 28): empty in the dataset's own.
    pub fallbacks: super::lang::Fallbacks,
    /// The files read, as displayed in diagnostics.
    pub files: Vec<String>,
    /// What each file of `files` defines, in the same order, with its path
    /// relative to the data folder (for the data note).
    pub contents: Vec<FileContents>,
    /// The file with the `[report]` table, when one has it.
    pub report_file: Option<String>,
}

/// What one data file defines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileContents {
    /// Relative to the data folder (`events/2024.toml`); the file name when
    /// `--data` names one file.
    pub path: String,
    pub pillars: usize,
    pub events: usize,
    /// Its `[[partner]]` and `[[source]]` tables: the registries are in
    /// file order, so these counts name each entry's file (for warnings
    /// about its text, issue 29, item 3).
    pub partners: usize,
    pub sources: usize,
}

/// The `[report]` table.
#[derive(Clone, Debug, Serialize)]
pub struct ReportMeta {
    pub title: String,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub organisation: Option<String>,
    pub language: String,
    /// A PNG or JPEG for the title block, relative to the data folder.
    pub logo: Option<String>,
    /// A distribution or classification line for the title block
    /// ("Restricted: ministry staff").
    pub distribution: Option<String>,
    /// The briefing's reference number.
    pub reference: Option<String>,
}

impl Default for ReportMeta {
    fn default() -> Self {
        ReportMeta {
            title: "Azerbaijan's International Integration".to_owned(),
            subtitle: None,
            author: None,
            organisation: None,
            logo: None,
            distribution: None,
            reference: None,
            language: "en".to_owned(),
        }
    }
}

/// One `[[pillar]]`.
#[derive(Clone, Debug)]
pub struct Pillar {
    pub id: String,
    pub name: String,
    /// A word or two for narrow columns (the chronology's); else the name.
    pub short: Option<String>,
    pub summary: Option<String>,
    pub order: Option<i64>,
    /// The file it is defined in, as displayed in diagnostics.
    pub file: String,
}

/// One `[[event]]`. Each key of the data file is defined once, with how it
/// is read, hashed and shown, in [`super::event_fields::EVENT_FIELDS`]: a
/// new field is added here and there.
///
/// `Default` only for an event being read: every required key replaces its
/// placeholder before an event is complete.
#[derive(Clone, Debug, Default)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// Who says so, when the source hedges the fact ("international
    /// reporting suggests"): printed with the title wherever it is (issue
    /// 25, item 7).
    pub attribution: Option<String>,
    /// The start of a dated event; for an undated one, the earliest it may
    /// have happened.
    pub date: PartialDate,
    /// The end of a span; for an undated one, the latest it may have
    /// happened (always set then).
    pub until: Option<PartialDate>,
    /// The source places the fact somewhere in `date..until` without dating
    /// it (`date = "2024..2026"` in the data, issue 15): it is not a span,
    /// and no year of the span may claim it.
    pub undated: bool,
    /// Whether it happened or is only announced.
    pub status: Status,
    /// Pillar ids are shared (`Arc`): a dataset has few pillars and many
    /// events.
    pub pillar: std::sync::Arc<str>,
    pub also: Vec<std::sync::Arc<str>>,
    pub kind: Kind,
    pub significance: u8,
    /// The partners the event names, registry names once validated.
    pub partners: Vec<String>,
    /// What each partner is to the event, by position in `partners` (the
    /// two are always of one length): `Role::Counterpart` where the data
    /// give a plain name (issue 25, item 6).
    pub roles: Vec<Role>,
    pub summary: String,
    pub figures: Vec<Figure>,
    pub sources: Vec<Source>,
    pub tags: Vec<String>,
    /// The file the event came from, as displayed in diagnostics (shared by
    /// the events of one file).
    pub file: std::sync::Arc<str>,
    /// Where its `[[event]]` table starts, for warnings about it.
    pub place: crate::diag::Place,
}

/// Whether an event happened or is only planned (`status = "planned"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// The default: the source reports it as done.
    #[default]
    Happened,
    /// Announced or expected: "will host", "is expected to be held".
    Planned,
}

impl Status {
    /// Every status, as data files name them.
    pub const NAMES: &'static [&'static str] = &["happened", "planned"];

    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
        }
    }

    /// The status a data file names.
    pub fn parse(name: &str) -> Option<Status> {
        match name {
            "happened" => Some(Status::Happened),
            "planned" => Some(Status::Planned),
            _ => None,
        }
    }
}

impl Event {
    /// The first day the event may have begun.
    pub fn first_day(&self) -> NaiveDate {
        self.date.first_day()
    }

    /// The last day the event may have lasted to.
    pub fn last_day(&self) -> NaiveDate {
        self.until.unwrap_or(self.date).last_day()
    }
}

/// A placeholder for an event being read (`Event::default`): the first
/// day of the supported years, replaced by the required `date`.
impl Default for PartialDate {
    fn default() -> Self {
        PartialDate::from_naive(NaiveDate::from_ymd_opt(*crate::date::YEAR_RANGE.start(), 1, 1).unwrap_or_default())
    }
}

/// A placeholder for an event being read, replaced by the required `kind`.
impl Default for Kind {
    fn default() -> Self {
        Kind::Other
    }
}

/// A number the source states, such as a gas volume.
#[derive(Clone, Debug)]
pub struct Figure {
    pub label: String,
    pub value: f64,
    pub unit: Option<String>,
    /// The source gives the value as approximate ("approximately 1.5
    /// billion cubic metres"): shown as "about 1.5".
    pub approx: bool,
    /// The figure is the fact the event reports (the SEFE contract's
    /// annual volume): printed with the title wherever it is (issue 25,
    /// item 7).
    pub lead: bool,
}

/// Where a fact comes from: an inline table of an event, or an entry of
/// the `[[source]]` registry (issue 25), copied into each event citing it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// What the source says about itself (its funding, say), shown in the
    /// Sources section.
    pub note: Option<String>,
    /// The registry id, when the source is a `[[source]]` or cited by one.
    pub id: Option<String>,
    /// When the desk read it.
    pub accessed: Option<NaiveDate>,
    pub kind: Option<SourceKind>,
    /// The desk's grade of the source (Admiralty scale); `None`: ungraded.
    pub reliability: Option<Reliability>,
    /// The desk's grade of this event's information from the source
    /// (Admiralty scale, 1 to 6), given where the event cites it.
    pub credibility: Option<u8>,
}

/// The Admiralty scale's grades of information, 1 to 6, as its published
/// wording says them (for diagnostics and the contract).
pub const CREDIBILITY: [&str; 6] =
    ["confirmed by other sources", "probably true", "possibly true", "doubtful", "improbable", "truth cannot be judged"];

macro_rules! kinds {
    ($($variant:ident => $name:literal;)*) => {
        /// What sort of event it was.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($variant,)*
        }

        impl Kind {
            /// Every kind, in the order reports list them.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The name used in data files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }

            /// The kind a data file names.
            pub fn parse(name: &str) -> Option<Kind> {
                match name {
                    $($name => Some(Kind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

// The names people read ("Summit", "international organisation",
// "South Caucasus") are not here: they are words of the catalogue
// (`kind-name`, `partner-kind`, `region-name` in templates/en-GB.ftl),
// said where they are shown (src/summary/wording.rs).
kinds! {
    Summit => "summit";
    Visit => "visit";
    Agreement => "agreement";
    Membership => "membership";
    Chairmanship => "chairmanship";
    Resolution => "resolution";
    Programme => "programme";
    Contract => "contract";
    Infrastructure => "infrastructure";
    Mission => "mission";
    Statement => "statement";
    Other => "other";
}

/// One `[[partner]]`: a counterpart events name (issue 13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    pub id: String,
    /// The name the briefing shows.
    pub name: String,
    /// Other spellings that name it in events.
    pub aliases: Vec<String>,
    pub kind: PartnerKind,
    /// For countries and groups.
    pub region: Option<Region>,
    /// ISO 3166-1 alpha-2, for countries (checked against [`super::iso`]).
    pub iso: Option<String>,
    /// A group's members, as partner ids (each one registered).
    pub members: Vec<String>,
}

macro_rules! names {
    ($(#[$doc:meta])* $type:ident { $($variant:ident => $name:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $type {
            $($variant,)*
        }

        impl $type {
            /// Every value, in the order reports list them.
            pub const ALL: &'static [$type] = &[$($type::$variant,)*];
            /// The names data files use, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($name,)*];

            /// The name used in data files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($type::$variant => $name,)*
                }
            }

            /// The value a data file names.
            pub fn parse(name: &str) -> Option<$type> {
                match name {
                    $($name => Some($type::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

pub(super) use names;

names! {
    /// What sort of counterpart a partner is.
    PartnerKind {
        Country => "country";
        Organisation => "organisation";
        Company => "company";
        Domestic => "domestic";
        Group => "group";
    }
}

names! {
    /// What a partner is to one event (issue 25, item 6; docs/dataset.md,
    /// "A partner of an event"). Only the roles for which
    /// [`Role::deals`] holds make a partner Azerbaijan's counterpart in
    /// the partner analysis; a partner only `mentioned` is still listed
    /// with the event.
    Role {
        Party => "party";
        Host => "host";
        Counterpart => "counterpart";
        Mentioned => "mentioned";
    }
}

impl Role {
    /// What a plain name in `partners` means.
    pub const PLAIN: Role = Role::Counterpart;

    /// Whether the partner deals with Azerbaijan in the event (signs,
    /// hosts, meets, receives): every role but `mentioned`.
    pub fn deals(self) -> bool {
        self != Role::Mentioned
    }
}

impl Event {
    /// Each partner with its role, in the data's order.
    pub fn partner_roles(&self) -> impl Iterator<Item = (&str, Role)> {
        self.partners.iter().enumerate().map(|(i, p)| (p.as_str(), self.roles.get(i).copied().unwrap_or(Role::PLAIN)))
    }
}

names! {
    /// What sort of publisher a source is (issue 25): a closed list, so
    /// that provenance reads alike across datasets (docs/dataset.md).
    SourceKind {
        StateMedia => "state media";
        Media => "media";
        Wire => "wire";
        Official => "official";
        Academic => "academic";
        Ngo => "ngo";
        Other => "other";
    }
}

names! {
    /// The Admiralty scale's grades of a source's reliability: `A`
    /// completely reliable, `B` usually reliable, `C` fairly reliable, `D`
    /// not usually reliable, `E` unreliable, `F` reliability cannot be
    /// judged.
    Reliability {
        A => "A";
        B => "B";
        C => "C";
        D => "D";
        E => "E";
        F => "F";
    }
}

names! {
    /// The regions of the partner registry: a fixed list, so that counts by
    /// region add up across datasets. Plain geography, chosen for
    /// Azerbaijan's neighbourhood (README, "Partners").
    Region {
        Europe => "europe";
        SouthCaucasus => "south-caucasus";
        CentralAsia => "central-asia";
        RussiaEasternEurope => "russia-eastern-europe";
        MiddleEast => "middle-east";
        SouthAsia => "south-asia";
        EastSoutheastAsia => "east-southeast-asia";
        Africa => "africa";
        Americas => "americas";
        Oceania => "oceania";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for &kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::ALL.len(), 12);
        assert_eq!(Kind::parse("Summit"), None);
    }

    #[test]
    fn partner_kinds_and_regions_round_trip_through_their_names() {
        for &kind in PartnerKind::ALL {
            assert_eq!(PartnerKind::parse(kind.as_str()), Some(kind));
        }
        for &region in Region::ALL {
            assert_eq!(Region::parse(region.as_str()), Some(region));
        }
        assert_eq!(Region::ALL.len(), Region::NAMES.len());
        assert_eq!(Region::parse("Europe"), None);
    }
}
