"""The bar the answers must clear, in one place.

Asserted on the `test` split and on all questions, per language, for the mode the app uses. The retrieval
settings in qa/retrieval.py are chosen across the eval articles (`python -m evals.tune`), judged by their
worst articles; its leave-one-article-out table is the honest figure for an article nobody tuned on.

TARGET is the bar of issue #6, and what CI asserts: a change that makes answers worse than that fails.
"""

MODE = "hybrid"

TARGET = {
    "id": {"hit_at_1": 0.85, "hit_at_3": 0.95, "mrr": 0.90, "speaker": 0.95},
    "en": {"hit_at_1": 0.85, "hit_at_3": 0.95, "mrr": 0.90, "speaker": 0.95},
}
# The reply quotes a sentence that holds the answer (a gold phrase), where its first passage is the right one.
EVIDENCE_FLOOR = 0.80
# Unrelated questions are refused, all of them, and no on-topic question is.
OFF_TOPIC_REFUSED = 1.0
ON_TOPIC_REFUSED = 0
# On held-out articles (evals/other_articles.jsonl, and the wire ones below), whose questions were written before
# any fix they prompted. Indonesian hit@1 was 0.809 before the d8 batch's 42 Indonesian questions (0.690 at first
# contact: most misses rank the answer 2nd), 0.797 with them.
OTHER_TARGET = {
    "id": {"hit_at_1": 0.79, "hit_at_3": 0.95, "mrr": 0.85, "speaker": 0.90},
    "en": {"hit_at_1": 0.80, "hit_at_3": 0.95, "mrr": 0.85, "speaker": 0.90},
}
# On-topic questions of those articles and the wire ones below that are refused: one since the d6 batch, "Ketahuan
# pertama gimana ceritanya?" (how was the exam-jockey ring first found out?), which names nothing of its article and
# scores under the relevance floor; one since the d8 batch, "What are the four admission tracks and their shares?"
# ("Kenapa kiriman oksigennya telat?", also refused at first, names a word the article holds in a quarter of its
# passages: on its topic). Issue #15's bar over every set is FALSE_REFUSALS_MAX.
OTHER_ON_TOPIC_REFUSED = 2
# Ordinary wire news (evals/wire_articles.jsonl; issue #18), each article alone: forty-two articles, the ten of
# the first batch and the eight of each of d3, d4, d5 and d6 (the attribution batches of issue #17, whose writers
# also wrote their questions cold). Issue #18 asks for hit@1 0.92 in both languages, fact hit@1 0.85 and hit@3 0.98
# on articles held out from tuning (`python -m evals.tune`, README "Tuning"). The floors are what the setting
# reaches on these forty-two now (hit@1 0.788 / 0.904 (id / en), fact 0.778 / 0.897, hit@3 0.955 / 0.966), less a
# question, so that a change that makes ordinary news worse fails. First contact, before anything was tuned with
# them: the first ten hit@1 0.735 / 0.838, fact 0.718 / 0.842, hit@3 0.971 / 0.941; d3 hit@1 0.750 / 0.839, fact
# 0.688 / 0.906, hit@3 0.893 / 0.964; d4 hit@1 0.804 / 0.786, fact 0.833 / 0.808, hit@3 0.964 / 0.911; d5 hit@1
# 0.732 / 0.893, fact 0.794 / 0.872, hit@3 0.929 / 0.964; d6 hit@1 0.714 / 0.946, fact 0.688 / 0.950, hit@3 0.911 /
# 0.982 (its Indonesian questions are the most colloquial yet: "TaniPintar PHK brp orang?", "Total ikan yg
# didaratin seminggu brp ton?"); d7 hit@1 0.768 / 0.911, fact 0.833 / 0.917, hit@3 0.964 / 0.964; d8 (six articles,
# 84 questions) hit@1 0.667 / 0.857, fact 0.750 / 0.826, hit@3 0.905 / 0.952, now 0.690 / 0.857. With d7 and d8,
# all fifty-six reach hit@1 0.774 / 0.900, fact 0.786 / 0.892, hit@3 0.951 / 0.964.
WIRE_FLOOR = {
    "id": {"hit_at_1": 0.77, "hit_at_3": 0.945, "fact_hit_at_1": 0.775},
    "en": {"hit_at_1": 0.895, "hit_at_3": 0.96, "fact_hit_at_1": 0.885},
}

# Answer judgement (evals/judgement.jsonl, evals/conversations.jsonl; issue #15). Questions on the article's
# subject that it does not answer as asked (near misses, absent people, facts of a kind it does not give)
# must not be answered as known; on-topic questions, over every eval set, must not be refused; a follow-up
# must reach the person or topic it points back to. Issue #15 asks for 0.90 on the first and the last; the
# floors asserted are what the rules reach now less a question or two (0.736 of 148 and 0.829 of 111 with the
# held-out `p-`/`pc-` sets on the reader-added news pages, which first met the code at 16/28 and 17/24), so
# that a change that makes judgement worse fails. The follow-ups went 92 -> 90 of 111 with the retrieval
# setting chosen across articles (issue #18): "How about Russell?" now ranks a third Russell paragraph below
# the one before, and "kenapa ayahnya dulu gak mau imunisasi dia?" finds the doctor's paragraph on
# immunisation first; then 91 with offices written short read as roles ("Dan kasat reskrim?"); then 101 (0.910,
# the 0.90) with a subject pronoun before role words, kin ("keluarga korban", "her kid", "ayahnya"),
# "And X?" swapping only the person, "take on" as asking for words, an English role noun as its phrase's head,
# and two names the attribution missed. The d4 batch (eight articles of issue #17, 48 questions the article does
# not answer, 24 paraphrases, 16 conversations, written cold) first met the code at 35/48 not answered as known,
# 0/24 paraphrases refused and 12/22 follow-ups right: its follow-ups lean on speakers its attribution first
# misnamed ("Muhammad Arham Kasim" read as "Arham Kasim", "Mbah Partini"), on roles ("And the police chief,
# what is he looking into?") and on people named only by what they do ("the analyst" for a head of research).
# With it, and the retrieval setting the tuner chose over all 43 articles, the follow-ups stood at 117 of 133
# (0.880), and 148 of 203 (0.729) were not answered as known. The d5 batch (eight articles, 48 questions the
# article does not answer, 32 paraphrases, 32 conversations, written cold) first met the code at 34/48 not
# answered as known, 0/32 paraphrases refused and 25/58 follow-ups right: most of its follow-ups are ellipses
# that name nothing ("Kondisinya gimana?", "Terus dijawab apa?", "Dia dibayar brp?"), found nothing alone and were
# refused, or lean on people its attribution first misnamed ("Direktur Jenderal … Kementerian Haji dan Umrah Ahmad
# Zainuddin Harahap" read as one title). A short follow-up that points back and finds nothing alone is since asked
# with the last question's topic, and "Terus X gimana?" swaps X into the last question only when X names someone
# or something. With d5, 152 of 191 follow-ups (0.796) were right and 182 of 251 (0.725) not answered as known.
# The d6 batch (eight articles, 48 questions the article does not answer, 32 paraphrases, 32 conversations, written
# cold) first met the code at 34/48 not answered as known, 1/32 paraphrases refused and 34/43 follow-ups right;
# its turns ask for people by their trade ("Koordinator demonya siapa?", "Nakhoda yg diwawancara siapa?": no
# answer, then nobody for "dia" to stand for). A who-question may since ask for the one speaker whose role opens
# with its word, "X siapa?" is a who-question, an English amount question counts the noun its qualifiers come
# before ("extra nurses"), an Indonesian question for a time or place wants it of something the question names
# ("Kapan Budi lahir?" is not answered by the year he founded his firm), and "what else" with words of its own
# asks them of the last answer's speaker. With d6, 192 of 234 follow-ups (0.821) are right and 221 of 299 (0.739)
# are not answered as known. The d7 batch (the same kinds and counts, cold) first met the code at 34/48 not
# answered as known, 0/32 paraphrases refused and 36/48 follow-ups right; a question wanting a name, a time of
# the day, a date or a year, a question's language told without its names, and the source named after
# "menurut" brought it to 38/48 and 39/48. With d7, 231 of 282 follow-ups (0.819) were right and 265 of 347
# (0.764) not answered as known. Names in ordinary words, a pronoun asked for words, "which X" / "X mana", a body
# asked by its own name, "asosiasinya", and numbers the question gives made those 234 of 282 and 261 of 331 (+9 of
# the 16 older near misses, unchanged). The d8 batch (six articles, 48 questions the article does not answer, 12
# paraphrases, 24 conversations, cold) first met that code at 35/48, 0/12 and 27/35, now 37/48 and 30/35 (a short
# form means the office spelling it out word for word). With d8, 264 of 317 follow-ups (0.833) were right and 307
# of 395 (0.777) not answered as known. A place is nobody for "his" to stand for, an office listing its fields
# before "dan" is its holder's role, "an official" is the holder of any office, and "which messaging app" asks
# for an app: 268 of 317 (0.845) and 308 of 395 (0.780). A who-question's office asked of a name in the
# evidence, "it" for a body, "jawab" asking for words: 269 of 317 (0.849) and 309 of 395 (0.782). The d9 batch
# (six articles, 48 questions the article does not answer, 12 paraphrases, 24 conversations, cold) first met
# that code at 36/48, 0/12 refused and 34/48 follow-ups; a role in lower case after "kata" or before a name in
# passing, a body's statement naming no person asked for, and English "what … value/salary/fine" asking for a
# sum of money made them 40/48 and 35/48: 304 of 365 (0.833) and 351 of 443 (0.792). The d10 batch (six
# articles, 36, 12 and 24, cold) first met the code at 29/36, 0/12 and 25/35; offices held by the evidence or
# its speaker, chat "buat", role synonyms and a place joined to the topic made them 31/36 and 26/35: now 332 of
# 400 (0.830) and 384 of 479 (0.802). README, "Answer judgement".
NOT_KNOWN_MIN = 0.77
FALSE_REFUSALS_MAX = 0.02
FOLLOW_UP_MIN = 0.83

# Speaker attribution against the gold in tests/data (issue #17): paragraph speakers, sentence speakers, and the
# speakers of the sentences the gold calls direct quotes, over every gold article and over the held-out ones
# (`speakers_heldout.json`). First contact, each batch before any fix it prompted: the first twelve 0.698 of
# paragraphs; the ten wire articles of issue #18 162/176 (0.920); the d1 batch of eight 104/127 (0.819) of
# paragraphs and 84/99 (0.848) of direct quotes; the d2 batch of eight 118/140 (0.843) of paragraphs, 243/282
# (0.862) of sentences and 89/103 (0.864) of direct quotes, then 125/140, 253/281 and 96/103; the d3 batch of
# eight 126/170 (0.741) of paragraphs, 264/335 (0.788) of sentences and 99/116 (0.853) of direct quotes, now
# 141/170, 290/335 and 116/116 (a name brought in with an age is a person whom the next "Ia"/"Perempuan itu"
# means, "ibu Dimas" after an age is a role, a credential after a name, the court clerk's title); the d4 batch
# of eight 128/150 (0.853) of paragraphs, 256/296 (0.865) of sentences and 118/136 (0.868) of direct quotes,
# now 141/150, 281/296 and 133/136 (a given name that another person's name shares is no office word glued to
# a name, "Mbah"/"Mbak" are honorifics, "Panewu" a territory's head, "berdalih" a cue, "kata seorang pria" named
# by the next "Pria bernama X itu"); the d5 batch of eight 130/147 (0.884) of paragraphs, 265/298 (0.889) of
# sentences and 96/105 (0.914) of direct quotes, now 137/147, 277/298 and 99/105 ("dan" inside a run of capitals
# joins a body's name, a rank's "(Purn)" between commas, a name opening with a short form is a body's,
# "menyoroti" a cue); the d7 batch of eight 118/121 (0.975) of paragraphs, 234/242 (0.967) of sentences and 97/98
# of direct quotes, now 120/121, 240/242 and 98/98 (an office named again by its short form, "Kadinkes X itu", is
# the holder of its title; "Perusahaan …" the last company); the d8 batch of six 99/104 (0.952) of paragraphs
# (paragraph gold only; 88/104 before its unnamed speakers lost the writer's "Seorang"), now 102/104 (a fellowship
# after degrees, "Manajemen" the last company, a place between commas after an unnamed speaker); the d9 batch of
# six 97/106 (0.915) of paragraphs, now 103/106 ("untuk memastikan" a purpose, "Maskapai" the last airline, a
# title after the comma, "alias", "Perumahan" a place). Issue #17 asks for 0.97 on held-out paragraphs and direct
# quotes; now every gold article reaches 0.969 / 0.946 / 0.974 (paragraphs / sentences / direct quotes) and the 90
# held-out ones 0.951 of paragraphs and 0.971 of direct quotes (before d7, 0.942 and 0.968). Documents and
# bodies that "mencatat" (the batches' writers disagree on whether they speak), joint statements, roles named a
# sentence later and unnamed officials are what is left. The floors are those figures less a little, so that a
# change that makes attribution worse fails.
# `python -m evals.attribution [--held-out]`.
PARAGRAPH_SPEAKERS_MIN = 0.965
SENTENCE_SPEAKERS_MIN = 0.94
DIRECT_SPEAKERS_MIN = 0.97
HELD_OUT_PARAGRAPH_SPEAKERS_MIN = 0.94
HELD_OUT_DIRECT_SPEAKERS_MIN = 0.965
