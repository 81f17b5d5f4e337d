from .grouping import group_stories as group_stories
from .index import Decision as Decision
from .index import StoryIndex as StoryIndex
from .index import StoryParams as StoryParams
from .text import Features as Features
from .text import features as features
