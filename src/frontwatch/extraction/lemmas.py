"""Verb lemmas without the lemmatizer: the pipeline runs without it for speed, and the few
verb lists the extractor consults (embedding verbs, speech verbs) are small and regular."""

from __future__ import annotations

from spacy.tokens import Token

IRREGULAR = {
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be", "being": "be",
    "'s": "be", "'re": "be", "had": "have", "has": "have", "having": "have", "'ve": "have",
    "did": "do", "does": "do", "done": "do", "said": "say", "says": "say", "told": "tell",
    "took": "take", "taken": "take", "lost": "lose", "fought": "fight", "went": "go",
    "gone": "go", "came": "come", "drove": "drive", "driven": "drive", "made": "make",
    "began": "begin", "begun": "begin", "overran": "overrun", "shot": "shoot", "hit": "hit",
    "struck": "strike", "died": "die", "dies": "die", "dying": "die", "able": "able",
    "ready": "ready", "likely": "likely", "retook": "retake", "retaken": "retake",
    "overtook": "overtake", "overtaken": "overtake", "overrun": "overrun", "seen": "see",
    "saw": "see", "fled": "flee", "held": "hold", "led": "lead", "blew": "blow",
    "blown": "blow", "threw": "throw", "thrown": "throw", "withdrew": "withdraw",
    "withdrawn": "withdraw", "broke": "break", "broken": "break", "won": "win",
    "slain": "slay", "slew": "slay", "stole": "steal", "stolen": "steal", "set": "set",
    "put": "put", "shelled": "shell", "forgave": "forgive", "beat": "beat", "beaten": "beat",
    "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "stood": "stand",
    "brought": "bring", "found": "find",
}


# Verbs ending in -e that the extractor's word lists name: "blamed" is "blame", not "blam".
E_FINAL = {
    "accuse", "advance", "analyse", "analyze", "argue", "arrive", "behead", "believe", "blame",
    "capture", "charge", "choose", "condemn", "continue", "damage", "decide", "declare",
    "decline", "decrie", "defuse", "denounce", "deplore", "dismantle", "displace", "endure",
    "evacuate", "execute", "face", "fire", "hope", "hostage", "ignore", "increase", "incur",
    "invade", "involve", "issue", "liberate", "lose", "massacre", "mourn", "overtake",
    "pledge", "pose", "practise", "prepare", "promise", "propose", "provoke", "raise", "raze",
    "recapture", "receive", "refuse", "release", "relocate", "repulse", "retake", "rise", "rule",
    "secure", "seize", "slaughter", "surrender", "sustain", "use", "vote",
}


def lemma_of(tok: Token) -> str:
    if tok.lemma_:
        return tok.lemma_.lower()
    word = tok.lower_
    if word in IRREGULAR:
        return IRREGULAR[word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed", "es") and stem + "e" in E_FINAL:
                return stem + "e"  # blamed -> blame
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2]:
                stem = stem[:-1]  # planned -> plan
            return stem
    return word
