"""Speaker attribution: who speaks in each paragraph of an Indonesian news article, and whom a question names.

Rules, not a model: Indonesian news marks speech with a small set of cues (a verb of saying after its subject,
"kata X" after a quote, the clitic "katanya", "menurut X"), and the hard part is naming the subject. The modules,
in the order the work flows:
- `words`: tokens, and which capitalised words can be names (the article's own lowercase words decide);
- `quotes`: quotations masked, so that nothing said inside one is taken for narration; sentences;
- `text`, `names`, `titles`, `roles`: a paragraph's narration, tokenised, and the names, titles and roles in it;
- `subjects`, `phrases`: the subject of a cue, before or after it, and what it refers to (a `refs` reference:
  a name, a pronoun, a title, a role);
- `registry`: the people and organisations met so far, against which references are resolved;
- `reader`: an article read in order: each sentence's speaker, kind, cue and rule, and the paragraph's speaker
  that follows from them (`read`, `attribute`);
- `questions`: which speaker a question is about (`match_speakers`, `identity_asked`, `without_names`);
- `cues`: the cue-word lists, data only.
"""

from .questions import identity_asked, match_speakers, without_names
from .reader import Reading, Sentence, SentenceKind, Speaker, attribute, read
from .sentences import is_lead_in, sentence_spans

__all__ = [
    "Reading",
    "Sentence",
    "SentenceKind",
    "Speaker",
    "attribute",
    "identity_asked",
    "is_lead_in",
    "match_speakers",
    "read",
    "sentence_spans",
    "without_names",
]
