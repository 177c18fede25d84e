/**
 * CAMEO event code → PLOVER `[category, mode]`, for every code in GDELT's
 * CAMEO 1.1b3 list (`CAMEO.eventcodes.txt`, 311 codes) plus 1213 and 1214,
 * which the PLOVER table lists and GDELT does not. Codes are strings with
 * their leading zeros ("0211", not 211). Comments are GDELT's descriptions.
 *
 * Codes 03–20 follow `CAMEO2PLOVER-2021.txt` (PLOVER draft 0.8, 17 Sep 2021),
 * with its DEMAND/REQUEST category named REQUEST, and these changes:
 * - Its modes that the 0.8 manual no longer has become the manual's nearest
 *   mode, or null: 171 and 1711 "seize" → confiscate; 1712 "seize" → destroy;
 *   192 "seize" → null; 085 "ease" → null (the table itself notes that "ease"
 *   is no longer a mode); 1321 "political" → restrict (as 1721); 175
 *   "pro_autocracy" (a context, not a mode) → null.
 * - 105–107 mean something else in CAMEO 1.1b3, which GDELT uses, than the
 *   table's descriptions ("Demand that target yields", "Demand meeting",
 *   "Demand settling of dispute"): 105 Demand mediation → meet, 106 Demand
 *   withdrawal → yield, 107 Demand ceasefire → yield.
 * - Root 08 appears twice ("08: CONCEDE" and "08: RETREAT"); the root and 080
 *   "Yield, not specified" take CONCEDE, as the table codes 080.
 *
 * Codes 01 (MAKE PUBLIC STATEMENT) and 02 (APPEAL) are "dropped" by PLOVER (manual
 * 0.8, "CAMEO to PLOVER translation"); GDELT still codes many events with
 * them, so this project maps them itself. 02 APPEAL → REQUEST with the modes
 * its sub-codes share with 10 DEMAND (an appeal is a softer request). 01
 * statements go to the verbal category nearest in sense: 011 decline comment
 * and 016 deny responsibility → REJECT (016 as the manual suggests); 012
 * pessimistic comment → ACCUSE disapprove; 013, 017, 018, 019 → SUPPORT; 015
 * acknowledge or claim responsibility → CONCEDE (an admission; the manual
 * floats AGREE, which would make a militant's claim of an attack cooperative);
 * 010 and 014, which carry no tone, → CONSULT, the verbal category whose score
 * (+2.1) is nearest their Goldstein 0.0.
 */
import type { PloverRow } from "./plover-modes.ts";

export const CAMEO_PLOVER_TABLE: Readonly<Record<string, PloverRow>> = {
  "01": ["CONSULT", null], // MAKE PUBLIC STATEMENT
  "010": ["CONSULT", null], // Make statement, not specified below
  "011": ["REJECT", null], // Decline comment
  "012": ["ACCUSE", "disapprove"], // Make pessimistic comment
  "013": ["SUPPORT", null], // Make optimistic comment
  "014": ["CONSULT", null], // Consider policy option
  "015": ["CONCEDE", null], // Acknowledge or claim responsibility
  "016": ["REJECT", null], // Deny responsibility
  "017": ["SUPPORT", null], // Engage in symbolic act
  "018": ["SUPPORT", null], // Make empathetic comment
  "019": ["SUPPORT", null], // Express accord
  "02": ["REQUEST", null], // APPEAL
  "020": ["REQUEST", null], // Appeal, not specified below
  "021": ["REQUEST", "assist"], // Appeal for material cooperation, not specified below
  "0211": ["REQUEST", "assist"], // Appeal for economic cooperation
  "0212": ["REQUEST", "assist"], // Appeal for military cooperation
  "0213": ["REQUEST", "assist"], // Appeal for judicial cooperation
  "0214": ["REQUEST", "assist"], // Appeal for intelligence
  "022": ["REQUEST", "assist"], // Appeal for diplomatic cooperation, such as policy support
  "023": ["REQUEST", "assist"], // Appeal for aid, not specified below
  "0231": ["REQUEST", "assist"], // Appeal for economic aid
  "0232": ["REQUEST", "assist"], // Appeal for military aid
  "0233": ["REQUEST", "assist"], // Appeal for humanitarian aid
  "0234": ["REQUEST", "assist"], // Appeal for military protection or peacekeeping
  "024": ["REQUEST", "change"], // Appeal for political reform, not specified below
  "0241": ["REQUEST", "change"], // Appeal for change in leadership
  "0242": ["REQUEST", "change"], // Appeal for policy change
  "0243": ["REQUEST", "change"], // Appeal for rights
  "0244": ["REQUEST", "change"], // Appeal for change in institutions, regime
  "025": ["REQUEST", "yield"], // Appeal to yield
  "0251": ["REQUEST", "yield"], // Appeal for easing of administrative sanctions
  "0252": ["REQUEST", "yield"], // Appeal for easing of popular dissent
  "0253": ["REQUEST", "yield"], // Appeal for release of persons or property
  "0254": ["REQUEST", "yield"], // Appeal for easing of economic sanctions, boycott, or embargo
  "0255": ["REQUEST", "yield"], // Appeal for target to allow international involvement (non-mediation)
  "0256": ["REQUEST", "yield"], // Appeal for de-escalation of military engagement
  "026": ["REQUEST", "meet"], // Appeal to others to meet or negotiate
  "027": ["REQUEST", "meet"], // Appeal to others to settle dispute
  "028": ["REQUEST", "meet"], // Appeal to others to engage in or accept mediation
  "03": ["AGREE", null], // EXPRESS INTENT TO COOPERATE
  "030": ["AGREE", null], // Express intent to cooperate, not specified below
  "031": ["AGREE", null], // Express intent to engage in material cooperation, not specified below
  "0311": ["AGREE", null], // Express intent to cooperate economically
  "0312": ["AGREE", null], // Express intent to cooperate militarily
  "0313": ["AGREE", null], // Express intent to cooperate on judicial matters
  "0314": ["AGREE", null], // Express intent to cooperate on intelligence
  "032": ["AGREE", null], // Express intent to provide diplomatic cooperation such as policy support
  "033": ["AGREE", null], // Express intent to provide material aid, not specified below
  "0331": ["AGREE", null], // Express intent to provide economic aid
  "0332": ["AGREE", null], // Express intent to provide military aid
  "0333": ["AGREE", null], // Express intent to provide humanitarian aid
  "0334": ["AGREE", null], // Express intent to provide military protection or peacekeeping
  "034": ["AGREE", null], // Express intent to institute political reform, not specified below
  "0341": ["AGREE", null], // Express intent to change leadership
  "0342": ["AGREE", null], // Express intent to change policy
  "0343": ["AGREE", null], // Express intent to provide rights
  "0344": ["AGREE", null], // Express intent to change institutions, regime
  "035": ["AGREE", null], // Express intent to yield, not specified below
  "0351": ["AGREE", null], // Express intent to ease administrative sanctions
  "0352": ["AGREE", null], // Express intent to ease popular dissent
  "0353": ["AGREE", null], // Express intent to release persons or property
  "0354": ["AGREE", null], // Express intent to ease economic sanctions, boycott, or embargo
  "0355": ["AGREE", null], // Express intent allow international involvement (not mediation)
  "0356": ["AGREE", null], // Express intent to de-escalate military engagement
  "036": ["AGREE", null], // Express intent to meet or negotiate
  "037": ["AGREE", null], // Express intent to settle dispute
  "038": ["AGREE", null], // Express intent to accept mediation
  "039": ["AGREE", null], // Express intent to mediate
  "04": ["CONSULT", null], // CONSULT
  "040": ["CONSULT", null], // Consult, not specified below
  "041": ["CONSULT", "phone"], // Discuss by telephone
  "042": ["CONSULT", "visit"], // Make a visit
  "043": ["CONSULT", "visit"], // Host a visit
  "044": ["CONSULT", "third-party"], // Meet at a "third" location
  "045": ["CONSULT", null], // Mediate
  "046": ["CONSULT", null], // Engage in negotiation
  "05": ["SUPPORT", null], // ENGAGE IN DIPLOMATIC COOPERATION
  "050": ["SUPPORT", null], // Engage in diplomatic cooperation, not specified below
  "051": ["SUPPORT", null], // Praise or endorse
  "052": ["SUPPORT", null], // Defend verbally
  "053": ["SUPPORT", null], // Rally support on behalf of
  "054": ["SUPPORT", null], // Grant diplomatic recognition
  "055": ["SUPPORT", null], // Apologize
  "056": ["SUPPORT", null], // Forgive
  "057": ["SUPPORT", null], // Sign formal agreement
  "06": ["COOPERATE", null], // ENGAGE IN MATERIAL COOPERATION
  "060": ["COOPERATE", null], // Engage in material cooperation, not specified below
  "061": ["COOPERATE", null], // Cooperate economically
  "062": ["COOPERATE", null], // Cooperate militarily
  "063": ["COOPERATE", null], // Engage in judicial cooperation
  "064": ["COOPERATE", null], // Share intelligence or information
  "07": ["AID", null], // PROVIDE AID
  "070": ["AID", null], // Provide aid, not specified below
  "071": ["AID", null], // Provide economic aid
  "072": ["AID", null], // Provide military aid
  "073": ["AID", null], // Provide humanitarian aid
  "074": ["AID", null], // Provide military protection or peacekeeping
  "075": ["AID", null], // Grant asylum
  "08": ["CONCEDE", null], // YIELD
  "080": ["CONCEDE", null], // Yield, not specified below
  "081": ["CONCEDE", null], // Ease administrative sanctions, not specified below
  "0811": ["CONCEDE", null], // Ease restrictions on political freedoms
  "0812": ["CONCEDE", null], // Ease ban on political parties or politicians
  "0813": ["RETREAT", null], // Ease curfew
  "0814": ["RETREAT", null], // Ease state of emergency or martial law
  "082": ["CONCEDE", null], // Ease political dissent
  "083": ["CONCEDE", null], // Accede to requests or demands for political reform not specified below
  "0831": ["CONCEDE", null], // Accede to demands for change in leadership
  "0832": ["CONCEDE", null], // Accede to demands for change in policy
  "0833": ["CONCEDE", null], // Accede to demands for rights
  "0834": ["CONCEDE", null], // Accede to demands for change in institutions, regime
  "084": ["RETREAT", null], // Return, release, not specified below
  "0841": ["RETREAT", "release"], // Return, release person(s)
  "0842": ["RETREAT", "return"], // Return, release property
  "085": ["RETREAT", null], // Ease economic sanctions, boycott, embargo
  "086": ["RETREAT", "access"], // Allow international involvement not specified below
  "0861": ["RETREAT", "access"], // Receive deployment of peacekeepers
  "0862": ["RETREAT", "access"], // Receive inspectors
  "0863": ["RETREAT", "access"], // Allow delivery of humanitarian aid
  "087": ["RETREAT", "disarm"], // De-escalate military engagement
  "0871": ["RETREAT", "ceasefire"], // Declare truce, ceasefire
  "0872": ["RETREAT", "withdraw"], // Ease military blockade
  "0873": ["RETREAT", "disarm"], // Demobilize armed forces
  "0874": ["RETREAT", "disarm"], // Retreat or surrender militarily
  "09": ["ACCUSE", null], // INVESTIGATE
  "090": ["ACCUSE", "investigate"], // Investigate, not specified below
  "091": ["ACCUSE", "investigate"], // Investigate crime, corruption
  "092": ["ACCUSE", "investigate"], // Investigate human rights abuses
  "093": ["ACCUSE", "investigate"], // Investigate military action
  "094": ["ACCUSE", "investigate"], // Investigate war crimes
  "10": ["REQUEST", null], // DEMAND
  "100": ["REQUEST", null], // Demand, not specified below
  "101": ["REQUEST", "assist"], // Demand information, investigation
  "1011": ["REQUEST", "assist"], // Demand economic cooperation
  "1012": ["REQUEST", "assist"], // Demand military cooperation
  "1013": ["REQUEST", "assist"], // Demand judicial cooperation
  "1014": ["REQUEST", "assist"], // Demand intelligence cooperation
  "102": ["REQUEST", "assist"], // Demand policy support
  "103": ["REQUEST", "assist"], // Demand aid, protection, or peacekeeping
  "1031": ["REQUEST", "assist"], // Demand economic aid
  "1032": ["REQUEST", "assist"], // Demand military aid
  "1033": ["REQUEST", "assist"], // Demand humanitarian aid
  "1034": ["REQUEST", "assist"], // Demand military protection or peacekeeping
  "104": ["REQUEST", "change"], // Demand political reform, not specified below
  "1041": ["REQUEST", "change"], // Demand change in leadership
  "1042": ["REQUEST", "change"], // Demand policy change
  "1043": ["REQUEST", "change"], // Demand rights
  "1044": ["REQUEST", "change"], // Demand change in institutions, regime
  "105": ["REQUEST", "meet"], // Demand mediation
  "1051": ["REQUEST", "yield"], // Demand easing of administrative sanctions
  "1052": ["REQUEST", "yield"], // Demand easing of political dissent
  "1053": ["REQUEST", "yield"], // Demand release of persons or property
  "1054": ["REQUEST", "yield"], // Demand easing of economic sanctions, boycott, or embargo
  "1055": ["REQUEST", "yield"], // Demand that target allows international involvement (non-mediation)
  "1056": ["REQUEST", "yield"], // Demand de-escalation of military engagement
  "106": ["REQUEST", "yield"], // Demand withdrawal
  "107": ["REQUEST", "yield"], // Demand ceasefire
  "108": ["REQUEST", "meet"], // Demand meeting, negotiation
  "11": ["ACCUSE", null], // DISAPPROVE
  "110": ["ACCUSE", "disapprove"], // Disapprove, not specified below
  "111": ["ACCUSE", "disapprove"], // Criticize or denounce
  "112": ["ACCUSE", "disapprove"], // Accuse, not specified below
  "1121": ["ACCUSE", "allege"], // Accuse of crime, corruption
  "1122": ["ACCUSE", "allege"], // Accuse of human rights abuses
  "1123": ["ACCUSE", "allege"], // Accuse of aggression
  "1124": ["ACCUSE", "allege"], // Accuse of war crimes
  "1125": ["ACCUSE", "allege"], // Accuse of espionage, treason
  "113": ["ACCUSE", "disapprove"], // Rally opposition against
  "114": ["ACCUSE", "allege"], // Complain officially
  "115": ["ACCUSE", "allege"], // Bring lawsuit against
  "116": ["ACCUSE", "disapprove"], // Find guilty or liable (legally)
  "12": ["REJECT", null], // REJECT
  "120": ["REJECT", null], // Reject, not specified below
  "121": ["REJECT", "assist"], // Reject material cooperation
  "1211": ["REJECT", "assist"], // Reject economic cooperation
  "1212": ["REJECT", "assist"], // Reject military cooperation
  "1213": ["REJECT", "assist"], // Reject judicial cooperation
  "1214": ["REJECT", "assist"], // Reject intelligence cooperation
  "122": ["REJECT", "assist"], // Reject request or demand for material aid, not specified below
  "1221": ["REJECT", "assist"], // Reject request for economic aid
  "1222": ["REJECT", "assist"], // Reject request for military aid
  "1223": ["REJECT", "assist"], // Reject request for humanitarian aid
  "1224": ["REJECT", "assist"], // Reject request for military protection or peacekeeping
  "123": ["REJECT", "change"], // Reject request or demand for political reform, not specified below
  "1231": ["REJECT", "change"], // Reject request for change in leadership
  "1232": ["REJECT", "change"], // Reject request for policy change
  "1233": ["REJECT", "change"], // Reject request for rights
  "1234": ["REJECT", "change"], // Reject request for change in institutions, regime
  "124": ["REJECT", "change"], // Refuse to yield, not specified below
  "1241": ["REJECT", "change"], // Refuse to ease administrative sanctions
  "1242": ["REJECT", "change"], // Refuse to ease popular dissent
  "1243": ["REJECT", "yield"], // Refuse to release persons or property
  "1244": ["REJECT", "yield"], // Refuse to ease economic sanctions, boycott, or embargo
  "1245": ["REJECT", "yield"], // Refuse to allow international involvement (non mediation)
  "1246": ["REJECT", "yield"], // Refuse to de-escalate military engagement
  "125": ["REJECT", "meet"], // Reject proposal to meet, discuss, or negotiate
  "126": ["REJECT", "meet"], // Reject mediation
  "127": ["REJECT", "meet"], // Reject plan, agreement to settle dispute
  "128": ["REJECT", "yield"], // Defy norms, law
  "129": ["REJECT", "yield"], // Veto
  "13": ["THREATEN", null], // THREATEN
  "130": ["THREATEN", null], // Threaten, not specified below
  "131": ["THREATEN", null], // Threaten non-force, not specified below
  "1311": ["THREATEN", "relations"], // Threaten to reduce or stop aid
  "1312": ["THREATEN", "restrict"], // Threaten to boycott, embargo, or sanction
  "1313": ["THREATEN", "relations"], // Threaten to reduce or break relations
  "132": ["THREATEN", "ban"], // Threaten with administrative sanctions, not specified below
  "1321": ["THREATEN", "restrict"], // Threaten to impose restrictions on political freedoms
  "1322": ["THREATEN", "ban"], // Threaten to ban political parties or politicians
  "1323": ["THREATEN", "restrict"], // Threaten to impose curfew
  "1324": ["THREATEN", "restrict"], // Threaten to impose state of emergency or martial law
  "133": ["THREATEN", "relations"], // Threaten political dissent, protest
  "134": ["THREATEN", "relations"], // Threaten to halt negotiations
  "135": ["THREATEN", "relations"], // Threaten to halt mediation
  "136": ["THREATEN", "expel"], // Threaten to halt international involvement (non-mediation)
  "137": ["THREATEN", "violence"], // Threaten with violent repression
  "138": ["THREATEN", "violence"], // Threaten to use military force, not specified below
  "1381": ["THREATEN", "restrict"], // Threaten blockade
  "1382": ["THREATEN", "territory"], // Threaten occupation
  "1383": ["THREATEN", "violence"], // Threaten unconventional violence
  "1384": ["THREATEN", "violence"], // Threaten conventional attack
  "1385": ["THREATEN", "violence"], // Threaten attack with WMD
  "139": ["THREATEN", "relations"], // Give ultimatum
  "14": ["PROTEST", null], // PROTEST
  "140": ["PROTEST", null], // Engage in political dissent, not specified below
  "141": ["PROTEST", "demo"], // Demonstrate or rally
  "1411": ["PROTEST", "demo"], // Demonstrate for leadership change
  "1412": ["PROTEST", "demo"], // Demonstrate for policy change
  "1413": ["PROTEST", "demo"], // Demonstrate for rights
  "1414": ["PROTEST", "demo"], // Demonstrate for change in institutions, regime
  "142": ["PROTEST", "hunger"], // Conduct hunger strike, not specified below
  "1421": ["PROTEST", "hunger"], // Conduct hunger strike for leadership change
  "1422": ["PROTEST", "hunger"], // Conduct hunger strike for policy change
  "1423": ["PROTEST", "hunger"], // Conduct hunger strike for rights
  "1424": ["PROTEST", "hunger"], // Conduct hunger strike for change in institutions, regime
  "143": ["PROTEST", "boycott"], // Conduct strike or boycott, not specified below
  "1431": ["PROTEST", "boycott"], // Conduct strike or boycott for leadership change
  "1432": ["PROTEST", "boycott"], // Conduct strike or boycott for policy change
  "1433": ["PROTEST", "boycott"], // Conduct strike or boycott for rights
  "1434": ["PROTEST", "boycott"], // Conduct strike or boycott for change in institutions, regime
  "144": ["PROTEST", "obstruct"], // Obstruct passage, block
  "1441": ["PROTEST", "obstruct"], // Obstruct passage to demand leadership change
  "1442": ["PROTEST", "obstruct"], // Obstruct passage to demand policy change
  "1443": ["PROTEST", "obstruct"], // Obstruct passage to demand rights
  "1444": ["PROTEST", "obstruct"], // Obstruct passage to demand change in institutions, regime
  "145": ["PROTEST", "riot"], // Protest violently, riot
  "1451": ["PROTEST", "riot"], // Engage in violent protest for leadership change
  "1452": ["PROTEST", "riot"], // Engage in violent protest for policy change
  "1453": ["PROTEST", "riot"], // Engage in violent protest for rights
  "1454": ["PROTEST", "riot"], // Engage in violent protest for change in institutions, regime
  "15": ["MOBILIZE", null], // EXHIBIT FORCE POSTURE
  "150": ["MOBILIZE", null], // Demonstrate military or police power, not specified below
  "151": ["MOBILIZE", "police"], // Increase police alert status
  "152": ["MOBILIZE", "troops"], // Increase military alert status
  "153": ["MOBILIZE", "police"], // Mobilize or increase police power
  "154": ["MOBILIZE", "troops"], // Mobilize or increase armed forces
  "16": ["SANCTION", null], // REDUCE RELATIONS
  "160": ["SANCTION", null], // Reduce relations, not specified below
  "161": ["SANCTION", "withdraw"], // Reduce or break diplomatic relations
  "162": ["SANCTION", "discontinue"], // Reduce or stop aid, not specified below
  "1621": ["SANCTION", "discontinue"], // Reduce or stop economic assistance
  "1622": ["SANCTION", "discontinue"], // Reduce or stop military assistance
  "1623": ["SANCTION", "discontinue"], // Reduce or stop humanitarian assistance
  "163": ["COERCE", "restrict"], // Impose embargo, boycott, or sanctions
  "164": ["SANCTION", "withdraw"], // Halt negotiations
  "165": ["SANCTION", "withdraw"], // Halt mediation
  "166": ["SANCTION", "expel"], // Expel or withdraw, not specified below
  "1661": ["SANCTION", "expel"], // Expel or withdraw peacekeepers
  "1662": ["SANCTION", "expel"], // Expel or withdraw inspectors, observers
  "1663": ["SANCTION", "expel"], // Expel or withdraw aid agencies
  "17": ["COERCE", null], // COERCE
  "170": ["COERCE", null], // Coerce, not specified below
  "171": ["COERCE", "confiscate"], // Seize or damage property, not specified below
  "1711": ["COERCE", "confiscate"], // Confiscate property
  "1712": ["ASSAULT", "destroy"], // Destroy property
  "172": ["COERCE", "restrict"], // Impose administrative sanctions, not specified below
  "1721": ["COERCE", "restrict"], // Impose restrictions on political freedoms
  "1722": ["COERCE", "ban"], // Ban political parties or politicians
  "1723": ["COERCE", "curfew"], // Impose curfew
  "1724": ["COERCE", "martial-law"], // Impose state of emergency or martial law
  "173": ["COERCE", "arrest"], // Arrest, detain, or charge with legal action
  "174": ["COERCE", "deport"], // Expel or deport individuals
  "175": ["ASSAULT", null], // Use tactics of violent repression
  "18": ["ASSAULT", null], // ASSAULT
  "180": ["ASSAULT", null], // Use unconventional violence, not specified below
  "181": ["ASSAULT", "abduct"], // Abduct, hijack, or take hostage
  "182": ["ASSAULT", "beat"], // Physically assault, not specified below
  "1821": ["ASSAULT", "sexual"], // Sexually assault
  "1822": ["ASSAULT", "torture"], // Torture
  "1823": ["ASSAULT", null], // Kill by physical assault
  "183": ["ASSAULT", "suicide-attack"], // Conduct suicide, car, or other non-military bombing, not spec below
  "1831": ["ASSAULT", "suicide-attack"], // Carry out suicide bombing
  "1832": ["ASSAULT", "explosives"], // Carry out car bombing
  "1833": ["ASSAULT", "explosives"], // Carry out roadside bombing
  "184": ["ASSAULT", "abduct"], // Use as human shield
  "185": ["ASSAULT", "assassinate"], // Attempt to assassinate
  "186": ["ASSAULT", "assassinate"], // Assassinate
  "19": ["ASSAULT", null], // FIGHT
  "190": ["ASSAULT", null], // Use conventional military force, not specified below
  "191": ["COERCE", "restrict"], // Impose blockade, restrict movement
  "192": ["COERCE", null], // Occupy territory
  "193": ["ASSAULT", "firearms"], // Fight with small arms and light weapons
  "194": ["ASSAULT", "heavy-weapons"], // Fight with artillery and tanks
  "195": ["ASSAULT", "heavy-weapons"], // Employ aerial weapons
  "196": ["ASSAULT", null], // Violate ceasefire
  "20": ["ASSAULT", null], // USE UNCONVENTIONAL MASS VIOLENCE
  "200": ["ASSAULT", "massacre"], // Use unconventional mass violence, not specified below
  "201": ["ASSAULT", "cleansing"], // Engage in mass expulsion
  "202": ["ASSAULT", "massacre"], // Engage in mass killings
  "203": ["ASSAULT", "cleansing"], // Engage in ethnic cleansing
  "204": ["ASSAULT", "unconventional"], // Use weapons of mass destruction, not specified below
  "2041": ["ASSAULT", "unconventional"], // Use chemical, biological, or radiological weapons
  "2042": ["ASSAULT", "unconventional"], // Detonate nuclear weapons
};
