from . import contract_filing_wizard
from . import excel_import
from . import budget_import
from . import asset_import
