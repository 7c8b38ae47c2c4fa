"""Question answering over news articles: the passages that answer a question, each with who said it.

    import qa
    hits = qa.retrieve("Berapa biaya pelatihan model DeepSeek?", k=3)
    r = qa.Retriever.from_file("another_article.txt")
    qa.default_library().add(open("page.html", "rb").read(), "page.html")
"""

from .answer import Answer, Evidence
from .api import ArticleInfo, articles, ask, default_library, default_retriever, retrieve, speakers
from .attribution import Sentence
from .conversation import Conversation
from .library import Added, Library
from .corpus import Article, ArticleError, read_article
from .model import ModelMissingError
from .passages import Passage, SpeakerProfile
from .postgres import EngineError
from .question import Question
from .retrieval import MODES, Retriever

__all__ = [
    "MODES",
    "Added",
    "Library",
    "Answer",
    "Article",
    "ArticleInfo",
    "ArticleError",
    "EngineError",
    "Conversation",
    "ModelMissingError",
    "Passage",
    "Question",
    "Retriever",
    "Sentence",
    "SpeakerProfile",
    "Evidence",
    "articles",
    "ask",
    "default_library",
    "default_retriever",
    "read_article",
    "retrieve",
    "speakers",
]
