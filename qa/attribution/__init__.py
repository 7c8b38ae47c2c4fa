"""Speaker attribution: who speaks in each paragraph of an Indonesian news article, and whom a question names.

Rules, not a model: Indonesian news marks speech with a small set of cues (a verb of saying after its subject,
"kata X" after a quote, the clitic "katanya", "menurut X"), and the hard part is naming the subject. The modules,
bottom to top (`LAYERS`); each imports only modules below it (tests/test_layers.py), so that each can be read
knowing only what is below it:
- `cues`: the cue-word lists, data only;
- `words`: tokens, and which capitalised words can be names (the article's own lowercase words decide);
- `sentences`: the sentences of a passage, as character spans;
- `quotes`: quotations masked, so that nothing said inside one is taken for narration; the narration's sentences;
- `refs`: what a cue says about its speaker (a name, a pronoun, a title, a role), data only;
- `registry`: the people and organisations met so far, against which references are resolved;
- `text`: a paragraph's narration, tokenised, with the register and vocabulary its names are read against;
- `names`, `titles`, `roles`: the names, titles and roles in it;
- `phrases`, `subjects`: what the subject phrase of a cue refers to, and where that subject stands, before or
  after the cue;
- `reader`: an article read in order: each sentence's speaker, kind, cue and rule, and the paragraph's speaker
  that follows from them (`read`, `attribute`);
- `questions`: which speaker a question is about (`match_speakers`, `identity_asked`, `without_names`,
  `held_role`).
"""

from .questions import held_role, holder_asked, identity_asked, is_body, match_speakers, without_names
from .reader import Reading, Sentence, SentenceKind, Speaker, attribute, read
from .sentences import is_lead_in, sentence_spans

LAYERS = (
    "cues",
    "words",
    "sentences",
    "quotes",
    "refs",
    "registry",
    "text",
    "names",
    "titles",
    "roles",
    "phrases",
    "subjects",
    "reader",
    "questions",
)

__all__ = [
    "Reading",
    "Sentence",
    "SentenceKind",
    "Speaker",
    "attribute",
    "identity_asked",
    "is_body",
    "is_lead_in",
    "match_speakers",
    "held_role",
    "read",
    "sentence_spans",
    "without_names",
]
