from . import portal_faq
from . import portal_satisfaction
from . import portal_ticket
from . import portal_training
from . import portal_install_job
