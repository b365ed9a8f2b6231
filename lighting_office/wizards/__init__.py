from . import contract_filing_wizard
from . import budget_spread_wizard
