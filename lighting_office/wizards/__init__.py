from . import contract_filing_wizard
