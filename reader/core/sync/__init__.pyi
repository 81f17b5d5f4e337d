from .ids import item_key as item_key
from .ids import wire_id as wire_id
from .protocol import GReaderClient as GReaderClient
from .protocol import login as login
from .secrets import TokenStore as TokenStore
from .service import Account as Account
from .service import SyncReport as SyncReport
from .service import SyncService as SyncService
