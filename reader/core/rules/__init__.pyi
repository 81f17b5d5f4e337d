from .book import Arrival as Arrival
from .book import RuleBook as RuleBook
from .book import apply_rules as apply_rules
from .book import feed_arrivals as feed_arrivals
from .match import Matcher as Matcher
from .match import check as check
from .match import terms as terms
