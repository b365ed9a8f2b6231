from . import res_company
from . import res_config_settings
from . import helpdesk_ticket_team
from . import office_target
from . import tier_definition
from . import tier_review
from . import tier_validation
