from . import test_office
from . import test_security
from . import test_sale_approval
from . import test_office_target
from . import test_people_recruitment
from . import test_people_training
from . import test_translation
from . import test_tour
