from . import collection_report
