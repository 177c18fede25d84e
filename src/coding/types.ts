/**
 * What the text coder returns. Every span is a pair of character offsets
 * (UTF-16 code units, end exclusive) into `CodeResult.text`, the plain text
 * that was coded (for HTML input: the extracted main text).
 */
import type { DatePrecision, GeoPrecision } from "../domain/event.ts";

export interface Span {
  start: number;
  end: number;
}

export type SentenceKind = "sentence" | "heading" | "list-item" | "question";

export interface Sentence extends Span {
  index: number;
  text: string;
  kind: SentenceKind;
  /** The heading of the section the sentence is in, or null before the first heading. */
  heading: string | null;
  /** For "Label — description" list items: the label. */
  label: string | null;
}

/** How an actor mention was recognised. */
export type MentionKind = "profile" | "demonym" | "organisation" | "generic";

export interface ActorMention extends Span {
  /** The words as the text has them. */
  text: string;
  /** Profile actor id, or null for an organisation not in the profile or a generic noun. */
  actorId: string | null;
  /** The profile actor's canonical name, or the text's own words when not resolved. */
  name: string;
  /** The party (ISO3) the actor belongs to, when known. */
  party: string | null;
  /** Profile actor type ("armed_group", …), null when not resolved. */
  type: string | null;
  kind: MentionKind;
}

/** PLOVER's auxiliary modes: what kind of assertion the sentence makes about the event. */
export type Modality = "negated" | "hypothetical" | "future" | "generic";

export interface CodedDate {
  start: string;
  end: string;
  precision: DatePrecision;
  /** The words the date was read from. */
  text: string;
}

export interface CodedPlace extends Span {
  text: string;
  name: string;
  admin1: string | null;
  admin2: string | null;
  countryIso3: string | null;
  lat: number | null;
  lon: number | null;
  precision: GeoPrecision;
}

/** A count as the text gives it: best guess and bounds ("at least 12" → low 12). */
export interface Count {
  best: number;
  low: number | null;
  high: number | null;
  /** The words it was read from. */
  text: string;
  /**
   * How the text gives it: as a fact ("reported"), as one side's claim ("BLA claimed
   * that 64 soldiers were killed": "claimed"), or as the figure a dataset's note says it
   * coded ("Fatalities split across 3 events (6)": "coded").
   */
  basis: CountBasis;
}

export type CountBasis = "reported" | "claimed" | "coded";

export interface Casualties {
  killed: Count | null;
  injured: Count | null;
}

export interface CodedEvent {
  sentenceIndex: number;
  /** PLOVER root category. */
  category: string;
  /** PLOVER mode, null when none fits. */
  mode: string | null;
  /** ACLED sub-event type the wording points to, when one does. */
  subtype: string | null;
  /** The words that name the event ("summoned", "cross-border strikes"). */
  trigger: Span & { text: string };
  actor: ActorMention | null;
  recipient: ActorMention | null;
  place: CodedPlace | null;
  /** Null when the text gives no date: nothing is invented. */
  date: CodedDate | null;
  casualties: Casualties;
  modality: Modality[];
  /** The sentence the event was read from. */
  evidence: Span & { text: string };
  confidence: number;
}

export type ClaimKind = "demand" | "accusation" | "denial";

export interface DemandMatch {
  demandId: string;
  title: string;
  /** 0–1: how well the claim's words fit the demand's. */
  score: number;
}

export interface CodedClaim {
  sentenceIndex: number;
  kind: ClaimKind;
  /** PLOVER category of the claim as an event: REQUEST, ACCUSE or REJECT. */
  category: "REQUEST" | "ACCUSE" | "REJECT";
  /** Who makes the claim. */
  by: ActorMention | null;
  /** Of whom it is made: the addressee of a demand, the accused, the party denied. */
  of: ActorMention | null;
  /** Which of `by` and `of` were not named in the sentence but taken from the document around it. */
  inferred: Array<"by" | "of">;
  /** What is demanded, alleged or denied, in the text's words. */
  what: Span & { text: string };
  /** The profile demand the claim matches, or null. */
  demand: DemandMatch | null;
  modality: Modality[];
  evidence: Span & { text: string };
  confidence: number;
}

export interface CodedQuestion {
  sentenceIndex: number;
  text: string;
  span: Span;
  /** True when the question stands in a "what to watch" section. */
  isWatchSection: boolean;
  /** The profile watch question it matches, or null. */
  questionId: string | null;
  score: number;
}

export interface NotCoded {
  reason: "not-english" | "no-text";
  detail: string;
}

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when undetermined. */
  code: string;
  /** Share of words that are English function words (0–1). */
  englishShare: number;
  /** Which writing system most letters are in. */
  script: "latin" | "arabic" | "cyrillic" | "devanagari" | "other" | "none";
}

/** The actors the document as a whole is about, counted over its claims and mentions. */
export interface DocumentParties {
  /** Actors making demands, most frequent first. */
  demanding: string[];
  /** Actors demands are addressed to, most frequent first. */
  addressed: string[];
  /** Armed groups mentioned (profile actor ids), most frequent first. */
  groups: string[];
}

export interface CodeResult {
  /** The plain text that was coded; spans index into it. */
  text: string;
  language: LanguageGuess;
  sentences: Sentence[];
  events: CodedEvent[];
  claims: CodedClaim[];
  questions: CodedQuestion[];
  parties: DocumentParties;
  notCoded?: NotCoded;
}
